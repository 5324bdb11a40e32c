package io.signaldesk.affiliate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The affiliate program's rules (docs/money.md "Affiliate commissions and the earnings ledger"). */
@ConfigMapping(prefix = "affiliate")
public interface AffiliateConfig {
    /** Where {@code GET /r/{code}} sends the visitor ({@code ?ref=<code>} is appended). */
    @WithDefault("http://localhost:8080/signup")
    String signupUrl();

    /** The public base of affiliate links: the link is this + the code. */
    @WithDefault("http://localhost:8080/r/")
    String linkBase();

    /** How long the {@code sd_ref} attribution cookie lives. */
    @WithDefault("60d")
    Duration attributionWindow();

    /** Whether the attribution cookie is Secure (off only for plain-http local runs). */
    @WithDefault("true")
    boolean cookieSecure();

    /** Pepper of the click IP and user agent hashes (from the environment in production). */
    String pepper();

    /** Months after a referred user's first payment during which their payments earn commission. */
    @WithDefault("12")
    int commissionMonths();

    /**
     * Tiers by the affiliate's count of paying referrals: {@code min:rate} pairs, e.g. {@code
     * 0:0.20,10:0.25,50:0.30} (0+ referrals 20%, 10+ 25%, 50+ 30%).
     */
    @WithDefault("0:0.20,10:0.25,50:0.30")
    String tiers();

    /** How long a commission stays PENDING before it is released. */
    @WithDefault("30d")
    Duration hold();

    /** How often the release sweep runs. */
    @WithDefault("30s")
    Duration releaseSweep();

    /** Two opposite opens of referred accounts this close in time may be a wash trade. */
    @WithDefault("10m")
    Duration washWindow();

    /** ... when their volumes differ by at most this share of the larger one. */
    @WithDefault("0.10")
    BigDecimal washVolumeTolerance();

    /** The affiliate's referred payments refunded above this share hold new commissions... */
    @WithDefault("0.30")
    BigDecimal refundRateThreshold();

    /** ... once the affiliate has at least this many referred payments. */
    @WithDefault("5")
    int refundRateMinPayments();
}
