package io.signaldesk.reconciliation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.reconciliation.config.ReconciliationConfig;
import io.signaldesk.reconciliation.repository.UserVersionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Read-through cache of a trader's status answers in Redis, versioned so that it is never stale:
 * one hash per trader holds {@code ver} (the trader's change counter, {@code user_versions}) and
 * one field per answer, each tagged with the version it was loaded at. An answer is served only
 * while its tag equals {@code ver}; every transaction that changes what a trader sees raises the
 * counter and, after commit, {@link #invalidate} raises {@code ver} (never lowers it) and drops
 * the answers. A read that loaded before a change and writes after it carries the old tag, so it
 * can never be served. When Redis fails or hangs the answers come from Postgres (slower, never
 * wrong) and Redis is tried again after a second; a raise that could not be written is retried
 * until it lands. Entries also expire after {@code reconciliation.cache-ttl}, a backstop only.
 */
@ApplicationScoped
public class StatusCache {
    private static final Logger LOG = Logger.getLogger(StatusCache.class);
    /** KEYS[1] the hash, ARGV[1] the field, ARGV[2] the tag, ARGV[3] tagged value, ARGV[4] ttl ms. */
    private static final String PUT = "local ver = redis.call('HGET', KEYS[1], 'ver') "
            + "if not ver then redis.call('HSET', KEYS[1], 'ver', ARGV[2]) ver = ARGV[2] end "
            + "if ver == ARGV[2] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) return 1 end return 0";
    /** KEYS[1] the hash, ARGV[1] the new version, ARGV[2] ttl ms: raise ver and drop the answers. */
    private static final String RAISE = "local ver = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0') "
            + "if tonumber(ARGV[1]) > ver then redis.call('DEL', KEYS[1]) "
            + "redis.call('HSET', KEYS[1], 'ver', ARGV[1]) redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end return 0";

    private final ReactiveRedisDataSource redis;
    private final UserVersionRepository versions;
    private final ObjectMapper json;
    private final String prefix;
    private final Duration timeout;
    private final String ttlMs;
    private final MeterRegistry metrics;
    private final Counter failures;
    /** Raises that could not be written yet, by trader: the highest version wins. */
    private final Map<UUID, Long> pendingRaises = new ConcurrentHashMap<>();

    private volatile long retryRedisAtNanos = System.nanoTime();

    public StatusCache(
            ReactiveRedisDataSource redis,
            UserVersionRepository versions,
            ObjectMapper json,
            PlatformConfig platform,
            ReconciliationConfig config,
            MeterRegistry metrics) {
        this.redis = redis;
        this.versions = versions;
        this.json = json;
        this.prefix = platform.redis().keyPrefix() + "rec:user:";
        this.timeout = config.cacheTimeout();
        this.ttlMs = Long.toString(config.cacheTtl().toMillis());
        this.metrics = metrics;
        this.failures = Counter.builder("signaldesk.cache.redis.failures")
                .description("status cache calls to Redis that failed or timed out")
                .register(metrics);
        Gauge.builder("signaldesk.cache.redis.up", this, c -> c.degraded() ? 0 : 1)
                .description("1 while the status cache uses Redis, 0 while answers come from Postgres only")
                .register(metrics);
        Gauge.builder("signaldesk.cache.pending.invalidations", pendingRaises, Map::size)
                .description("version raises waiting for Redis to come back")
                .register(metrics);
    }

    boolean degraded() {
        return !pendingRaises.isEmpty() || System.nanoTime() - retryRedisAtNanos < 0;
    }

    /**
     * The trader's answer {@code field}: from Redis while its tag is current, else {@code load}ed
     * from Postgres (in a session, with the version read first) and put back.
     */
    public <T> Uni<T> read(UUID userId, String field, JavaType type, Supplier<Uni<T>> load) {
        if (degraded()) {
            count(field, "bypass");
            return Panache.withSession(load);
        }
        String key = prefix + userId;
        return redis.execute("HMGET", key, "ver", field)
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(r -> {
                    Response ver = r.get(0);
                    Response entry = r.get(1);
                    if (ver == null || entry == null) {
                        return null;
                    }
                    String tagged = entry.toString();
                    int bar = tagged.indexOf('|');
                    if (bar < 0 || !tagged.substring(0, bar).equals(ver.toString())) {
                        return null;
                    }
                    try {
                        return json.<T>readValue(tagged.substring(bar + 1), type);
                    } catch (JsonProcessingException e) {
                        return null; // written by another version of the code: load it again
                    }
                })
                .onFailure()
                .recoverWithItem(t -> {
                    redisDown(t);
                    return null;
                })
                .chain(hit -> {
                    if (hit != null) {
                        count(field, "hit");
                        return Uni.createFrom().item(hit);
                    }
                    count(field, degraded() ? "bypass" : "miss");
                    return Panache.withSession(() -> versions.current(userId)
                                    .chain(v -> load.get().map(value -> new Loaded<>(v, value))))
                            .call(l -> degraded() ? Uni.createFrom().voidItem() : put(key, field, l))
                            .map(Loaded::value);
                });
    }

    private record Loaded<T>(long version, T value) {}

    private Uni<Void> put(String key, String field, Loaded<?> l) {
        String tagged;
        try {
            tagged = l.version() + "|" + json.writeValueAsString(l.value());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
        return redis.execute("EVAL", PUT, "1", key, field, Long.toString(l.version()), tagged, ttlMs)
                .ifNoItem()
                .after(timeout)
                .fail()
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(t -> {
                    redisDown(t);
                    return null;
                });
    }

    /**
     * After the commit of a change that raised the trader's version to {@code version}. Never fails;
     * a raise Redis did not take is kept and retried, and until then nothing is read from Redis.
     */
    public Uni<Void> invalidate(UUID userId, long version) {
        if (degraded()) {
            pendingRaises.merge(userId, version, Math::max);
            return Uni.createFrom().voidItem();
        }
        return raise(userId, version);
    }

    private Uni<Void> raise(UUID userId, long version) {
        return redis.execute("EVAL", RAISE, "1", prefix + userId, Long.toString(version), ttlMs)
                .ifNoItem()
                .after(timeout)
                .fail()
                .invoke(() -> pendingRaises.remove(userId, version))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(t -> {
                    pendingRaises.merge(userId, version, Math::max);
                    redisDown(t);
                    return null;
                });
    }

    /** Lands the raises Redis missed; until they have, reads stay on Postgres. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        if (pendingRaises.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<UUID, Long>> due = List.copyOf(pendingRaises.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, Long> e : due) {
            chain = chain.chain(() -> raise(e.getKey(), e.getValue()));
        }
        return chain.invoke(() -> {
            if (pendingRaises.isEmpty()) {
                retryRedisAtNanos = System.nanoTime(); // every raise landed: reads may use Redis again
            } else {
                holdOff();
            }
        });
    }

    private void redisDown(Throwable t) {
        failures.increment();
        holdOff();
        LOG.debugf("status cache: Redis unavailable (%s); answering from Postgres", t.toString());
    }

    private void holdOff() {
        retryRedisAtNanos = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    }

    private void count(String field, String result) {
        metrics.counter("signaldesk.cache.requests", "cache", field, "result", result)
                .increment();
    }
}
