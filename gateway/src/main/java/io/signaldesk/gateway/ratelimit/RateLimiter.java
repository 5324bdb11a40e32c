package io.signaldesk.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Token buckets shared by every gateway replica: all the buckets of one request (per IP, per user)
 * are checked and taken by one Lua script in one Redis round trip ({@code ratelimit/token-buckets.lua}).
 * Limits travel with each call, so a changed limit applies to existing buckets at once.
 *
 * <p>Redis is reached through Quarkus' reactive client (one connection pool, connected off the event
 * loop, reconnecting by itself). When Redis fails or does not answer within {@code redis-timeout},
 * the limiter switches to in-process buckets (bucket4j) for {@code redis-retry}, then tries Redis
 * again: a Redis outage costs one timeout, not one per request, and every limit, the auth limit
 * included, still holds per replica. The state is on the metrics and in the readiness detail.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a bad limit fails the start, not the first request
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /**
     * Local buckets kept per map at most (a flood of IPs cannot exhaust memory): past it, full buckets are
     * dropped (a full bucket is the same as a new one), then other buckets are cleared and new auth IPs refused.
     */
    static final int MAX_LOCAL_BUCKETS = 100_000;
    /** Every limit is per minute: the time to refill a bucket from empty. */
    private static final String WINDOW_MS = Long.toString(Duration.ofMinutes(1).toMillis());

    public enum Kind {
        USER,
        IP,
        AUTH_IP
    }

    /** One bucket a request must take a token from. */
    public record Check(Kind kind, String id) {}

    /** Outcome: allowed, or refused by {@code kind} with the seconds to wait. */
    public record Decision(boolean allowed, Kind refusedBy, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(true, null, 0);
    }

    private final GatewayConfig.RateLimit config;
    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;
    private final String script;
    private final String scriptSha;
    private final Counter fallbacks;
    private final Counter redisFailures;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    /** Auth buckets apart: a flood of other keys never resets them, and past the bound new auth IPs are refused. */
    private final Map<String, Bucket> localAuth = new ConcurrentHashMap<>();

    private volatile long redisRetryAtNanos;
    private volatile Instant degradedSince;

    @jakarta.inject.Inject
    public RateLimiter(
            GatewayConfig config, PlatformConfig platform, ReactiveRedisDataSource redis, MeterRegistry metrics) {
        this(config.rateLimit(), redis, platform.redis().keyPrefix() + "rl:", metrics);
    }

    RateLimiter(
            GatewayConfig.RateLimit config, ReactiveRedisDataSource redis, String keyPrefix, MeterRegistry metrics) {
        for (Kind k : Kind.values()) {
            if (config.enabled() && perMinute(config, k) < 1) {
                throw new IllegalArgumentException("gateway.rate-limit: every limit must be at least 1 per minute (" + k
                        + " is " + perMinute(config, k)
                        + "); set gateway.rate-limit.enabled=false to switch limits off");
            }
        }
        this.config = config;
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.script = load("ratelimit/token-buckets.lua");
        this.scriptSha = sha1(script);
        this.fallbacks = Counter.builder("signaldesk.gateway.ratelimit.local")
                .description("requests limited by in-process buckets because Redis could not answer")
                .register(metrics);
        this.redisFailures = Counter.builder("signaldesk.gateway.ratelimit.redis.failures")
                .description("rate-limit calls to Redis that failed or timed out")
                .register(metrics);
        Gauge.builder("signaldesk.gateway.ratelimit.redis.up", this, l -> l.degraded() ? 0 : 1)
                .description("1 while the rate limiter uses Redis, 0 while it falls back to in-process buckets")
                .register(metrics);
    }

    /** Takes one token from each bucket, or from none when any of them is empty. */
    public Uni<Decision> tryConsume(List<Check> checks) {
        if (!config.enabled() || checks.isEmpty()) {
            return Uni.createFrom().item(Decision.ALLOW);
        }
        if (System.nanoTime() - redisRetryAtNanos < 0) {
            return Uni.createFrom().item(locally(checks));
        }
        List<String> args = new ArrayList<>(2 + checks.size() * 3);
        args.add(scriptSha);
        args.add(Integer.toString(checks.size()));
        for (Check c : checks) {
            args.add(keyPrefix + c.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + c.id());
        }
        for (Check c : checks) {
            args.add(Long.toString(perMinute(c.kind())));
            args.add(WINDOW_MS);
        }
        return redis.execute("EVALSHA", args.toArray(String[]::new))
                .onFailure(t -> String.valueOf(t.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> withScript = new ArrayList<>(args);
                    withScript.set(0, script); // EVAL also caches it for the next EVALSHA
                    return redis.execute("EVAL", withScript.toArray(String[]::new));
                })
                .ifNoItem()
                .after(config.redisTimeout())
                .fail()
                .map(r -> {
                    recovered();
                    return decision(checks, r);
                })
                .onFailure()
                .recoverWithItem(t -> {
                    redisDown(t);
                    return locally(checks);
                });
    }

    private Decision decision(List<Check> checks, Response r) {
        int refused = r.get(0).toInteger();
        if (refused == 0) {
            return Decision.ALLOW;
        }
        long waitMs = r.get(1).toLong();
        return new Decision(false, checks.get(refused - 1).kind(), Math.max(1, (waitMs + 999) / 1000));
    }

    /** The same limits, per replica, while Redis is away. */
    private Decision locally(List<Check> checks) {
        fallbacks.increment();
        List<Bucket> buckets = new ArrayList<>(checks.size());
        for (Check c : checks) {
            boolean auth = c.kind() == Kind.AUTH_IP;
            Map<String, Bucket> map = auth ? localAuth : local;
            long limit = perMinute(c.kind());
            String key = c.kind() + ":" + limit + ":" + c.id();
            if (map.size() >= MAX_LOCAL_BUCKETS && !map.containsKey(key)) {
                // a full bucket is the same as a new one: dropping those loses nothing
                map.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit);
                if (map.size() >= MAX_LOCAL_BUCKETS) {
                    if (auth) {
                        return new Decision(false, c.kind(), 60); // 100k addresses trying to sign in within a minute
                    }
                    map.clear();
                }
            }
            buckets.add(map.computeIfAbsent(
                    key,
                    k -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(limit)
                                    .refillGreedy(limit, Duration.ofMinutes(1))
                                    .build())
                            .build()));
        }
        for (int i = 0; i < buckets.size(); i++) {
            ConsumptionProbe probe = buckets.get(i).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                for (int j = 0; j < i; j++) {
                    buckets.get(j).addTokens(1); // all or nothing, as in Redis
                }
                return new Decision(
                        false,
                        checks.get(i).kind(),
                        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
            }
        }
        return Decision.ALLOW;
    }

    private void redisDown(Throwable t) {
        redisFailures.increment();
        redisRetryAtNanos = System.nanoTime() + config.redisRetry().toNanos();
        if (degradedSince == null) {
            degradedSince = Instant.now();
            LOG.warnf("rate limiter: Redis unavailable (%s); limiting in-process until it answers again", t.toString());
        }
    }

    private void recovered() {
        if (degradedSince != null) {
            LOG.infof("rate limiter: Redis answers again; shared limits restored (degraded since %s)", degradedSince);
            degradedSince = null;
            local.clear();
            localAuth.clear();
        }
    }

    /** True while limits are kept in-process because Redis could not answer. */
    public boolean degraded() {
        return degradedSince != null;
    }

    public Instant degradedSince() {
        return degradedSince;
    }

    private long perMinute(Kind kind) {
        return perMinute(config, kind);
    }

    private static long perMinute(GatewayConfig.RateLimit config, Kind kind) {
        return switch (kind) {
            case USER -> config.perUserPerMinute();
            case IP -> config.perIpPerMinute();
            case AUTH_IP -> config.authPerIpPerMinute();
        };
    }

    private static String load(String resource) {
        try (InputStream in = RateLimiter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
