package io.signaldesk.payout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Payout runs (docs/money.md "Payouts", docs/runbook.md). */
@ConfigMapping(prefix = "payout.run")
public interface PayoutConfig {
    /** Whether this instance schedules runs ({@link #cron()}) and the retry sweep; the admin endpoint always works. */
    @WithDefault("true")
    boolean scheduled();

    /** When scheduled runs start (Quartz-style cron, seconds first): daily at 06:00 UTC by default. */
    @WithDefault("0 0 6 * * ?")
    String cron();

    /** How often SUBMITTED payouts whose retry is due are retried between runs. */
    @WithDefault("60s")
    Duration retrySweep();

    /**
     * The smallest balance paid out, per ISO currency code ({@code payout.run.threshold.USD=50.00});
     * a currency without one is never paid out. Each must be positive and exact in its currency.
     */
    Map<String, BigDecimal> threshold();

    /** The wait before the first retry of a transfer Stripe did not answer or answered 5xx/429; doubled per attempt. */
    @WithDefault("1m")
    Duration backoffInitial();

    @WithDefault("6h")
    Duration backoffMax();

    /** Attempts after which a payout whose transfer Stripe confirms it never made is FAILED (its money returns). */
    @WithDefault("8")
    int maxAttempts();

    /**
     * How long a claimed attempt owns its payout before another run may try it: longer than Stripe's
     * connect + read timeouts, so a live attempt is never taken over.
     */
    @WithDefault("2m")
    Duration lease();
}
