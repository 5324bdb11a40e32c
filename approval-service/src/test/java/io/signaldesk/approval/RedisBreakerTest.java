package io.signaldesk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.redis.RedisGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
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
}
