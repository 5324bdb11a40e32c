package io.signaldesk.payout.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import io.signaldesk.payout.config.StripeConfig;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way to call Stripe: stripe-java is blocking, so each call runs on a worker thread and its
 * result comes back on the caller's Vert.x context (where Hibernate Reactive sessions live). The
 * client is built from {@link StripeConfig}; no retries inside stripe-java (our callers own
 * retries and idempotency keys).
 */
@ApplicationScoped
public class StripeCalls {
    @FunctionalInterface
    public interface Call<T> {
        T call(StripeClient client) throws StripeException;
    }

    private final StripeClient client;
    private final boolean configured;

    public StripeCalls(StripeConfig config) {
        this.configured = config.secretKey().filter(k -> !k.isBlank()).isPresent();
        this.client = StripeClient.builder()
                .setApiKey(config.secretKey().orElse("sk_unset"))
                .setApiBase(config.apiBase())
                .setConnectBase(config.apiBase())
                .setFilesBase(config.apiBase())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .setMaxNetworkRetries(0)
                .build();
    }

    public boolean configured() {
        return configured;
    }

    /**
     * Runs {@code call} off the event loop. A {@link StripeException} fails the Uni as it is (callers
     * decide what it means); an unconfigured key fails with a 503 problem before anything is sent.
     */
    public <T> Uni<T> run(Call<T> call) {
        if (!configured) {
            return Uni.createFrom()
                    .failure(new ProblemException(Problem.of(
                            503, "stripe-not-configured", "Stripe unavailable", "Stripe is not configured here")));
        }
        Context own = Vertx.currentContext();
        Uni<T> u = Uni.createFrom()
                .item(() -> {
                    try {
                        return call.call(client);
                    } catch (StripeException e) {
                        throw new StripeFailure(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(StripeFailure.class)
                .transform(t -> ((StripeFailure) t).getCause());
        return own == null ? u : u.emitOn(task -> own.runOnContext(v -> task.run()));
    }

    /** Carries a checked StripeException through the Uni. */
    static final class StripeFailure extends RuntimeException {
        StripeFailure(StripeException cause) {
            super(cause);
        }
    }
}
