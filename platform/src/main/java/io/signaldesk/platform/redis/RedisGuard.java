package io.signaldesk.platform.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.signaldesk.platform.config.PlatformConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Every Redis call of a service that must not wait on Redis goes through here: a timeout
 * ({@code signaldesk.redis.call-timeout}) and a SmallRye Fault Tolerance circuit breaker shared by
 * all of them. A hung Redis costs the first few calls their timeout; then the breaker is open and
 * calls fail at once (the caller takes its degraded path) until, after
 * {@code signaldesk.redis.breaker-delay}, one call tests Redis again. The breaker opens on half of
 * a window of {@code signaldesk.redis.breaker-volume} calls, so a few calls slowed by a busy machine
 * do not open it. A ping every {@code signaldesk.redis.probe-interval} notices a hang when nothing
 * else calls: after {@code signaldesk.redis.probe-failures} failed pings in a row Redis counts as
 * unavailable and calls fail at once, until a ping answers again. The state
 * is on the metrics ({@code signaldesk_redis_available}, {@code signaldesk_redis_breaker_transitions_total})
 * and in the readiness detail of the services that use it, which stays UP: a Redis outage degrades a
 * service, it does not take it out of service.
 */
@ApplicationScoped
public class RedisGuard {
    private static final Logger LOG = Logger.getLogger(RedisGuard.class);

    private final ReactiveRedisDataSource redis;
    private final PlatformConfig.Redis config;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private Guard guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile Instant since = Instant.now();
    private volatile int failedProbes;
    private long probeTimer = -1;

    public RedisGuard(ReactiveRedisDataSource redis, PlatformConfig platform, MeterRegistry metrics, Vertx vertx) {
        this.redis = redis;
        this.config = platform.redis();
        this.metrics = metrics;
        this.vertx = vertx;
    }

    @PostConstruct
    void init() {
        guard = Guard.create()
                .withDescription("redis")
                .withTimeout()
                .duration(config.callTimeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breakerVolume())
                .failureRatio(0.5)
                .delay(config.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(this::changed)
                .done()
                .build();
        Gauge.builder("signaldesk.redis.available", this, g -> g.available() ? 1 : 0)
                .description("1 while calls go to Redis, 0 while the breaker is open (degraded mode)")
                .register(metrics);
        probeTimer = vertx.setPeriodic(
                config.probeInterval().toMillis(),
                id -> guarded(() -> redis.execute("PING"))
                        .subscribe()
                        .with(ok -> probed(true), failed -> probed(false)));
    }

    @PreDestroy
    void stop() {
        if (probeTimer >= 0) {
            vertx.cancelTimer(probeTimer);
        }
    }

    /**
     * Runs {@code call} under the timeout and the breaker; fails fast while the breaker is open or
     * the pings fail.
     */
    public <T> Uni<T> call(Supplier<Uni<T>> call) {
        return Uni.createFrom()
                .deferred(() -> probesFailing()
                        ? Uni.createFrom().failure(new RedisUnavailableException("Redis does not answer its pings"))
                        : guarded(call));
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get((Supplier) call, Uni.class));
    }

    private boolean probesFailing() {
        return failedProbes >= config.probeFailures();
    }

    private void probed(boolean answered) {
        boolean wasFailing = probesFailing();
        failedProbes = answered ? 0 : failedProbes + 1;
        if (probesFailing() != wasFailing) {
            since = Instant.now();
            if (wasFailing) {
                LOG.infof("Redis answers its pings again");
            } else {
                LOG.warnf("Redis did not answer %d pings in a row: degraded mode", failedProbes);
            }
        }
    }

    /** Thrown (as a failed Uni) by {@link #call} while the pings fail. */
    public static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * True only while the breaker is closed and the pings answer. Half-open (one trial call after an outage) counts as
     * unavailable: a caller that chose its normal path then would wait on a Redis that is most
     * likely still gone, and the gauge would flicker to 1 mid-outage.
     */
    public boolean available() {
        return state == CircuitBreakerState.CLOSED && !probesFailing();
    }

    public CircuitBreakerState state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    private void changed(CircuitBreakerState to) {
        state = to;
        since = Instant.now();
        Counter.builder("signaldesk.redis.breaker.transitions")
                .description("Redis circuit breaker state changes, by the state entered")
                .tag("state", to.name())
                .register(metrics)
                .increment();
        if (to == CircuitBreakerState.OPEN) {
            LOG.warnf("Redis is not answering within %s: degraded mode (breaker open)", config.callTimeout());
        } else if (to == CircuitBreakerState.CLOSED) {
            LOG.infof("Redis answers again: breaker closed");
        }
    }
}
