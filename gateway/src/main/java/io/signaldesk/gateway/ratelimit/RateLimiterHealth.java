package io.signaldesk.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the rate limiter. It stays UP while Redis is away (limits are then kept
 * in-process), so an outage never takes the gateway out of service, but the detail says so.
 */
@Readiness
@ApplicationScoped
public class RateLimiterHealth implements HealthCheck {
    private final RateLimiter limiter;

    public RateLimiterHealth(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("Rate limiter").up();
        if (limiter.degraded()) {
            b.withData("store", "in-process (Redis unavailable)")
                    .withData("degradedSince", String.valueOf(limiter.degradedSince()));
        } else {
            b.withData("store", "redis");
        }
        return b.build();
    }
}
