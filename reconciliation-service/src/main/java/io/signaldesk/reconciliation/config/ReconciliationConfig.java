package io.signaldesk.reconciliation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

@ConfigMapping(prefix = "reconciliation")
public interface ReconciliationConfig {
    /**
     * How far a reported open price may be from our fill's price before it is a PRICE_MISMATCH, as a
     * fraction of our price (0.001 = 0.1 %: brokers may report a slightly different open price).
     */
    @WithDefault("0.001")
    BigDecimal priceTolerance();

    /** The status cache's entries also expire after this long: a backstop, not how they are invalidated. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** A cache call to Redis that takes longer than this counts as Redis down: the answer comes from Postgres. */
    @WithDefault("200ms")
    Duration cacheTimeout();

    /** How often accounts are checked for a terminal that has gone silent (the stale-terminal guard). */
    @WithDefault("5s")
    Duration staleSweep();

    /** Time zone of the trading day for accounts whose guards are not configured. */
    @WithDefault("UTC")
    String defaultTimeZone();
}
