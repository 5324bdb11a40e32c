package io.signaldesk.approval.health;

import io.signaldesk.platform.redis.RedisGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of Redis for approval-service: always UP, because without Redis it still trades
 * (EA wake-ups become a short poll; nonces live in Postgres), with the mode it is in.
 */
@Readiness
@ApplicationScoped
public class RedisHealth implements HealthCheck {
    private final RedisGuard guard;

    public RedisHealth(RedisGuard guard) {
        this.guard = guard;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("Redis").up();
        if (guard.available()) {
            b.withData("mode", "normal").withData("breaker", guard.state().name());
        } else {
            b.withData("mode", "degraded: Redis unavailable, EA wake-ups by short poll")
                    .withData("since", guard.since().toString());
        }
        return b.build();
    }
}
