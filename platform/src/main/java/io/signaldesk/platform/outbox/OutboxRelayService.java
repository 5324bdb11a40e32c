package io.signaldesk.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs this service's {@link OutboxRelay} for the life of the application. */
@ApplicationScoped
public class OutboxRelayService {
    /**
     * Buckets for the steps of an event's way from one service to another: the relay's here, the
     * signal's hops in approval-service. Fine below 20 ms, where those steps are when all is well.
     */
    public static final Duration[] STEP_BUCKETS =
            Stream.of(2, 5, 10, 20, 50, 100, 250, 1000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final PlatformConfig config;
    private final String application;
    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private final String bootstrap;
    private final MeterRegistry registry;
    private OutboxRelay relay;

    public OutboxRelayService(
            PlatformConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            MeterRegistry registry) {
        this.config = config;
        this.application = application;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent ev) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        stop();
    }

    public synchronized OutboxRelay.Settings settings() {
        PlatformConfig.Outbox o = config.outbox();
        return new OutboxRelay.Settings(
                application,
                jdbcUrl,
                user,
                password.orElse(null),
                config.schema(),
                bootstrap,
                config.kafka().prefix(),
                o.batchSize(),
                o.safetyPoll(),
                o.retryBackoff(),
                o.retention(),
                Map.of());
    }

    /** Starts the relay (again, after {@link #stop}: tests stop it to hold events back). */
    public synchronized void start() {
        if (relay != null && relay.isRunning()) {
            return;
        }
        Counter counter = Counter.builder("signaldesk.outbox.published")
                .description("Outbox events published to Kafka")
                .tag("schema", config.schema())
                .register(registry);
        relay = new OutboxRelay(settings(), counter::increment);
        Timer send = batchStep("send");
        Timer commit = batchStep("commit");
        Timer mark = batchStep("mark");
        relay.timeBatches((s, c, m) -> {
            send.record(s, TimeUnit.NANOSECONDS);
            commit.record(c, TimeUnit.NANOSECONDS);
            mark.record(m, TimeUnit.NANOSECONDS);
        });
        Gauge.builder("signaldesk.outbox.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
                .description("1 when this instance is the active outbox relay")
                .tag("schema", config.schema())
                .register(registry);
        Gauge.builder("signaldesk.outbox.backlog", relay, OutboxRelay::backlogRows)
                .description("Outbox rows not yet published to Kafka (looked at every few seconds)")
                .tag("schema", config.schema())
                .register(registry);
        Gauge.builder("signaldesk.outbox.oldest.age", relay, OutboxRelay::oldestUnpublishedAgeSeconds)
                .description("Age of the oldest outbox row not yet published, 0 when none waits")
                .tag("schema", config.schema())
                .baseUnit("seconds")
                .register(registry);
        relay.start();
    }

    /**
     * One step of a published batch: {@code send} (the batch and its checkpoint into the Kafka
     * transaction), {@code commit} (the transaction's commit: from here consumers see it),
     * {@code mark} (the rows marked published in Postgres).
     */
    private Timer batchStep(String step) {
        return Timer.builder("signaldesk.outbox.batch")
                .description("one step of an outbox batch published to Kafka")
                .tag("schema", config.schema())
                .tag("step", step)
                .serviceLevelObjectives(STEP_BUCKETS)
                .register(registry);
    }

    public synchronized void stop() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    public synchronized boolean isRunning() {
        return relay != null && relay.isRunning();
    }
}
