package io.signaldesk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limiter against the real Redis, and against a Redis that is not there. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class RateLimiterTest {
    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Vertx vertx;

    static GatewayConfig.RateLimit limits(long perMinute) {
        return limits(perMinute, Duration.ofMillis(200));
    }

    static GatewayConfig.RateLimit limits(long perMinute, Duration redisTimeout) {
        return new GatewayConfig.RateLimit() {
            public boolean enabled() {
                return true;
            }

            public long perUserPerMinute() {
                return perMinute;
            }

            public long perIpPerMinute() {
                return perMinute;
            }

            public long authPerIpPerMinute() {
                return perMinute;
            }

            public Duration redisTimeout() {
                return redisTimeout;
            }

            public Duration redisRetry() {
                return Duration.ofSeconds(30);
            }
        };
    }

    static boolean allowed(RateLimiter l, RateLimiter.Kind kind, String id) {
        return l.tryConsume(List.of(new RateLimiter.Check(kind, id)))
                .await()
                .atMost(Duration.ofSeconds(5))
                .allowed();
    }

    @Test
    void aLimitLoweredInConfigurationAppliesToBucketsThatAlreadyExist() {
        String prefix = "rltest-" + UUID.randomUUID() + ":";
        RateLimiter before = new RateLimiter(limits(100), redis, prefix, new SimpleMeterRegistry());
        assertThat(allowed(before, RateLimiter.Kind.AUTH_IP, "10.0.0.1")).isTrue(); // the bucket exists, 99 left
        RateLimiter after =
                new RateLimiter(limits(3), redis, prefix, new SimpleMeterRegistry()); // restarted with a lower limit
        for (int i = 0; i < 3; i++) {
            assertThat(allowed(after, RateLimiter.Kind.AUTH_IP, "10.0.0.1"))
                    .as("request %d", i)
                    .isTrue();
        }
        RateLimiter.Decision refused = after.tryConsume(
                        List.of(new RateLimiter.Check(RateLimiter.Kind.AUTH_IP, "10.0.0.1")))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(RateLimiter.Kind.AUTH_IP);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(after.degraded()).isFalse();
    }

    @Test
    void allBucketsOfARequestAreTakenTogetherOrNotAtAll() {
        String prefix = "rltest-" + UUID.randomUUID() + ":";
        RateLimiter l = new RateLimiter(limits(2), redis, prefix, new SimpleMeterRegistry());
        List<RateLimiter.Check> both = List.of(
                new RateLimiter.Check(RateLimiter.Kind.IP, "10.0.0.2"),
                new RateLimiter.Check(RateLimiter.Kind.USER, "u1"));
        assertThat(allowed(l, RateLimiter.Kind.USER, "u1")).isTrue();
        assertThat(allowed(l, RateLimiter.Kind.USER, "u1")).isTrue(); // u1 is empty now
        RateLimiter.Decision d = l.tryConsume(both).await().atMost(Duration.ofSeconds(5));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusedBy()).isEqualTo(RateLimiter.Kind.USER);
        // the refused request took nothing from the IP bucket
        assertThat(allowed(l, RateLimiter.Kind.IP, "10.0.0.2")).isTrue();
        assertThat(allowed(l, RateLimiter.Kind.IP, "10.0.0.2")).isTrue();
        assertThat(allowed(l, RateLimiter.Kind.IP, "10.0.0.2")).isFalse();
    }

    /**
     * A burst (a fleet of terminals reconnecting, a hundred signed requests at once) is queued for
     * the shared limits, not refused by the Redis client's pool and limited in-process: with Quarkus'
     * default pool (6 connections, 24 waiting) 275 of these 300 were limited in-process.
     *
     * <p>What is asserted is the pool's capacity, so the timeout is far above how long a busy CI box takes
     * to answer 300 calls: a full pool refuses at once, while with the 200 ms timeout a loaded box limited
     * 131 of them in-process on time alone (CI of 361caf7).
     */
    @Test
    void aBurstOfRequestsWaitsForRedisInsteadOfFallingBackInProcess() {
        String prefix = "rltest-" + UUID.randomUUID() + ":";
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateLimiter l = new RateLimiter(limits(1_000_000, Duration.ofSeconds(5)), redis, prefix, metrics);
        List<io.smallrye.mutiny.Uni<RateLimiter.Decision>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            burst.add(l.tryConsume(List.of(new RateLimiter.Check(RateLimiter.Kind.IP, "10.1.0." + (i % 50)))));
        }
        List<RateLimiter.Decision> decided =
                io.smallrye.mutiny.Uni.join().all(burst).andFailFast().await().atMost(Duration.ofSeconds(20));
        assertThat(decided).allSatisfy(d -> assertThat(d.allowed()).isTrue());
        assertThat(metrics.get("signaldesk.gateway.ratelimit.local").counter().count())
                .as("requests limited in-process because Redis could not take them")
                .isZero();
        assertThat(l.degraded()).isFalse();
    }

    @Test
    void withoutRedisTheLimitsHoldInProcessAndTheOutageCostsOneTimeoutNotOnePerRequest() {
        Redis dead = Redis.createClient(vertx, "redis://127.0.0.1:1"); // nothing listens on port 1
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateLimiter l = new RateLimiter(
                limits(3), new ReactiveRedisDataSourceImpl(vertx, dead, RedisAPI.api(dead)), "rl:", metrics);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(allowed(l, RateLimiter.Kind.AUTH_IP, "10.0.0.3"))
                    .as("attempt %d", i)
                    .isTrue();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(allowed(l, RateLimiter.Kind.AUTH_IP, "10.0.0.3"))
                    .as("attempt over the limit")
                    .isFalse();
        }
        assertThat(allowed(l, RateLimiter.Kind.AUTH_IP, "10.0.0.4"))
                .as("another IP has its own bucket")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(metrics.get("signaldesk.gateway.ratelimit.redis.failures")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(metrics.get("signaldesk.gateway.ratelimit.redis.up").gauge().value())
                .isZero();
        assertThat(l.degraded()).isTrue();
        var health = new RateLimiterHealth(l).call();
        assertThat(health.getStatus().name()).isEqualTo("UP");
        assertThat(health.getData().orElseThrow().get("store").toString()).contains("in-process");
        dead.close();
    }
}
