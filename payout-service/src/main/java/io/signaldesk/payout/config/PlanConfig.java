package io.signaldesk.payout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The premium tiers, {@code payout.plans.<NAME>.*} (docs/money.md "Billing"). FREE is everyone's tier
 * without a paid subscription; the others are sold through Stripe Checkout with their price id.
 * Validated at startup by {@code service.Plans}.
 */
@ConfigMapping(prefix = "payout.plans")
public interface PlanConfig {
    @WithParentName
    Map<String, Plan> plans();

    interface Plan {
        /** A decimal string in the currency's scale ({@code 29.00}); FREE's is zero. */
        String price();

        /** ISO 4217 code. */
        String currency();

        /** The Stripe Price ({@code price_...}) sold by Checkout; none for FREE. */
        Optional<String> priceId();

        /** Active EA devices the tier allows. */
        int maxDevices();

        /** Active strategy subscriptions the tier allows. */
        int maxSubscriptions();
    }
}
