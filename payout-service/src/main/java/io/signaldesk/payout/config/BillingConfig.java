package io.signaldesk.payout.config;

import io.smallrye.config.ConfigMapping;

/** Stripe Checkout's return pages ({@code payout.billing.*}). */
@ConfigMapping(prefix = "payout.billing")
public interface BillingConfig {
    /** Where Stripe sends the user after paying ({@code {CHECKOUT_SESSION_ID}} is filled in by Stripe). */
    String successUrl();

    /** Where Stripe sends the user who gives up. */
    String cancelUrl();
}
