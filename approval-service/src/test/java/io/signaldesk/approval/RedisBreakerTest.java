package io.signaldesk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.redis.RedisGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The breaker tells a busy machine from a dead Redis: a few calls over the timeout among many
 * answered ones (what a CPU-starved box does under load) leave it closed. With a window of 4 calls,
 * three slow calls in a row opened it, which turned every long poll short on a loaded box and so
 * multiplied the load (measured with 2,000 terminals: 63 openings in a 3-minute run).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class RedisBreakerTest {
    @Inject
    RedisGuard guard;

    @Inject
    ReactiveRedisDataSource redis;

    void call(boolean slow) {
        Uni<Integer> answer = Uni.createFrom().item(1);
        guard.call(() -> slow ? answer.onItem().delayIt().by(Duration.ofMillis(400)) : answer)
                .onFailure()
                .recoverWithItem(0)
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    @Test
    void aFewSlowCallsAmongManyDoNotOpenTheBreaker() {
        for (int i = 0; i < 20; i++) {
            call(false);
        }
        for (int i = 0; i < 3; i++) {
            call(true);
        }
        call(false);
        assertThat(guard.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(guard.available()).isTrue();
    }

    /**
     * 2,000 terminals starting their polls publish a burst of wake-up claims at once; the client's
     * pool must queue them, not refuse them (Quarkus' default: 6 connections and 24 waiting, so the
     * 25th concurrent call failed at once and the failures opened the breaker).
     */
    @Test
    void aBurstOfPublishesIsQueuedNotRefused() {
        var firstFailure = new java.util.concurrent.atomic.AtomicReference<String>();
        List<Uni<Integer>> burst = IntStream.range(0, 200)
                .mapToObj(i -> guard.call(() -> redis.pubsub(String.class)
                                .publish("test:burst:" + i, "x")
                                .replaceWith(0))
                        .onFailure()
                        .invoke(t -> firstFailure.compareAndSet(null, t.toString()))
                        .onFailure()
                        .recoverWithItem(1))
                .toList();
        int failed = Uni.join().all(burst).andFailFast().await().atMost(Duration.ofSeconds(20)).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(failed)
                .as("publishes of a burst of 200 that failed (the first: %s)", firstFailure.get())
                .isZero();
        assertThat(guard.available()).isTrue();
    }
}
