package io.signaldesk.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Token buckets in Redis (bucket4j, compare-and-swap over Lettuce), so every gateway replica
 * shares the same counts. If Redis cannot answer within its timeout the request is let through
 * (fail open) and counted, so a Redis outage degrades protection, not availability.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    public enum Kind { USER, IP, AUTH_IP }

    /** Outcome: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(true, 0);
    }

    private final GatewayConfig.RateLimit config;
    private final String keyPrefix;
    private final String redisUri;
    private final MeterRegistry metrics;
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;

    public RateLimiter(GatewayConfig config, PlatformConfig platform,
                       @ConfigProperty(name = "quarkus.redis.hosts") String redisHosts, MeterRegistry metrics) {
        this.config = config.rateLimit();
        this.keyPrefix = platform.redis().keyPrefix() + "rl:";
        this.redisUri = redisHosts.split(",")[0].trim();
        this.metrics = metrics;
    }

    public CompletionStage<Decision> tryConsume(Kind kind, String id) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(Decision.ALLOW);
        }
        AsyncProxyManager<String> pm;
        try {
            pm = proxyManager();
        } catch (RuntimeException e) {
            return failOpen(e);
        }
        BucketConfiguration bc = configuration(kind);
        return pm.builder().build(keyPrefix + kind.name().toLowerCase() + ":" + id, () -> CompletableFuture.completedFuture(bc))
                .tryConsumeAndReturnRemaining(1)
                .thenApply(this::decision)
                .exceptionallyCompose(this::failOpen);
    }

    private Decision decision(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return Decision.ALLOW;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }

    private CompletionStage<Decision> failOpen(Throwable e) {
        metrics.counter("signaldesk.gateway.ratelimit.unavailable").increment();
        LOG.warnf("rate limiter unavailable, allowing request: %s", e.toString());
        return CompletableFuture.completedFuture(Decision.ALLOW);
    }

    private BucketConfiguration configuration(Kind kind) {
        long perMinute = switch (kind) {
            case USER -> config.perUserPerMinute();
            case IP -> config.perIpPerMinute();
            case AUTH_IP -> config.authPerIpPerMinute();
        };
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private AsyncProxyManager<String> proxyManager() {
        AsyncProxyManager<String> pm = buckets;
        if (pm != null) {
            return pm;
        }
        synchronized (this) {
            if (buckets == null) {
                client = RedisClient.create(redisUri);
                client.setDefaultTimeout(Duration.ofMillis(500));
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                        .build()
                        .asAsync();
            }
            return buckets;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
