package io.signaldesk.approval.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.Command;
import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.platform.redis.RedisGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The live approval stream's fan-out across replicas. After a commit that creates or decides one of a
 * user's approvals, or records its command's result, {@link #publish} sends
 * {@code {"id","status","executionStatus"}} on Redis pub/sub {@code <prefix>approvals:<userId>}; every
 * instance listens to the pattern (as {@link CommandWakeup} does) and hands it to the streams of that
 * user it holds. An event is a hint: the console refetches the approval. If Redis is down the event is
 * delivered to this instance's streams only, and the console's next reload or reconnect catches up.
 */
@ApplicationScoped
public class ApprovalStreams {
    private static final Logger LOG = Logger.getLogger(ApprovalStreams.class);

    /** One approval's new state, for its owner's streams. */
    public record Change(UUID userId, UUID approvalId, Approval.Status status, Command.Status executionStatus) {
        String json() {
            return new JsonObject()
                    .put("id", approvalId.toString())
                    .put("status", status.name())
                    .put("executionStatus", executionStatus == null ? null : executionStatus.name())
                    .encode();
        }
    }

    private final ReactivePubSubCommands<String> pubsub;
    private final RedisGuard guard;
    private final String prefix;
    private final Map<UUID, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    public ApprovalStreams(
            ReactiveRedisDataSource redis, PlatformConfig config, MeterRegistry metrics, RedisGuard guard) {
        this.guard = guard;
        this.pubsub = redis.pubsub(String.class);
        this.prefix = config.redis().keyPrefix() + "approvals:";
        Gauge.builder("signaldesk.approvals.streams", this, ApprovalStreams::openStreams)
                .description("Live approval streams (the console's) open on this instance")
                .register(metrics);
    }

    void subscribe(@Observes StartupEvent ev) {
        pubsub.subscribeToPattern(prefix + "*", (channel, msg) -> deliverLocal(channel.substring(prefix.length()), msg))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .indefinitely()
                .subscribe()
                .with(
                        s -> LOG.debugf("listening for approval changes on %s*", prefix),
                        t -> LOG.errorf(t, "cannot listen for approval changes"));
    }

    /** A stream of this user's changes starts; the returned handle ends it (idempotent). */
    public Runnable listen(UUID userId, Consumer<String> listener) {
        listeners.compute(userId, (k, set) -> {
            Set<Consumer<String>> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(listener);
            return s;
        });
        return () -> listeners.computeIfPresent(userId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** After commit: tell every instance's streams of these users. Never fails the caller. */
    public Uni<Void> publish(List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(List.copyOf(changes))
                .onItem()
                // a fan-out's changes at once, not one round trip after another
                .transformToUni(this::publish)
                .merge(CommandWakeup.PUBLISH_CONCURRENCY)
                .collect()
                .last()
                .replaceWithVoid();
    }

    public Uni<Void> publish(Change c) {
        String msg = c.json();
        // through the guard: a fan-out publishes after its commit, and a hung Redis must not hold it
        return guard.call(() -> pubsub.publish(prefix + c.userId(), msg))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(t -> {
                    LOG.warnf(
                            "approval change of %s not published (%s): only this instance's streams get it",
                            c.userId(), t);
                    deliverLocal(c.userId().toString(), msg);
                    return Uni.createFrom().voidItem();
                });
    }

    private void deliverLocal(String userId, String msg) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            return;
        }
        Set<Consumer<String>> set = listeners.get(id);
        if (set != null && msg != null) {
            set.forEach(l -> l.accept(msg));
        }
    }

    public int openStreams() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
