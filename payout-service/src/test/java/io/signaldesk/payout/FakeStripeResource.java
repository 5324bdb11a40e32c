package io.signaldesk.payout;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.signaldesk.localstack.FakeStripe;
import java.util.Map;

/** The local fake Stripe for payout-service's tests; {@code payout.stripe.*} point at it. */
public class FakeStripeResource implements QuarkusTestResourceLifecycleManager {
    public static final String WEBHOOK_SECRET = "whsec_test_signaldesk_payout";
    public static FakeStripe stripe;

    @Override
    public Map<String, String> start() {
        stripe = FakeStripe.start();
        return Map.of(
                "payout.stripe.api-base",
                stripe.baseUrl(),
                "payout.stripe.secret-key",
                "sk_test_signaldesk_fake",
                "payout.stripe.webhook-secret",
                WEBHOOK_SECRET);
    }

    @Override
    public void stop() {
        if (stripe != null) {
            stripe.close();
        }
    }
}
