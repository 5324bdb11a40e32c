package io.signaldesk.signal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the signal service ({@code signal.*}), overridable by environment variables ({@code SIGNAL_MAX_EXPIRY}). */
@ConfigMapping(prefix = "signal")
public interface SignalConfig {
    /** How long a producer's previous secret keeps working after a rotation. */
    @WithDefault("24h")
    Duration producerSecretGrace();

    /** The latest a signal may expire, counted from when it is received. */
    @WithDefault("7d")
    Duration maxExpiry();

    TradingView tradingview();

    interface TradingView {
        /** An alert whose {@code time} is older than this (or this far in the future) is refused. */
        @WithDefault("60s")
        Duration maxLag();

        /** Expiry of an alert that carries none: its {@code time} plus this. */
        @WithDefault("1h")
        Duration defaultExpiry();
    }
}
