package io.signaldesk.payout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Stripe: the API (stripe-java), the webhook secret and the Connect platform (docs/money.md, docs/runbook.md). */
@ConfigMapping(prefix = "payout.stripe")
public interface StripeConfig {
    /** Where stripe-java sends API and Connect calls; a test or the demo stack points it at the local fake. */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** The secret API key (sk_...); without it every Stripe call is refused with a 503 problem. Never logged. */
    Optional<String> secretKey();

    /** The webhook endpoint's signing secret (whsec_...); without it every webhook is refused. */
    Optional<String> webhookSecret();

    /** How old a webhook's signed timestamp may be (Stripe's default is 300 s). */
    @WithDefault("300s")
    Duration webhookTolerance();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("20s")
    Duration readTimeout();
}
