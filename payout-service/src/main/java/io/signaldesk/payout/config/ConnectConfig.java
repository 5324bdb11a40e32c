package io.signaldesk.payout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Stripe Connect onboarding (Express accounts, account links). */
@ConfigMapping(prefix = "payout.connect")
public interface ConnectConfig {
    /** Where Stripe sends an affiliate whose onboarding link expired (the web app asks for a fresh one). */
    @WithDefault("http://localhost:5173/affiliate/payouts?connect=refresh")
    String refreshUrl();

    /** Where Stripe sends an affiliate who finished (or left) onboarding. */
    @WithDefault("http://localhost:5173/affiliate/payouts?connect=return")
    String returnUrl();
}
