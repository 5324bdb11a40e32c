package io.signaldesk.platform.events;

import java.util.List;

/**
 * Logical Kafka topic names. Names are versioned: an incompatible payload change gets a new topic.
 * The physical name is {@code signaldesk.kafka.topic-prefix} + logical name, so tests and
 * parallel environments can share one broker without seeing each other's events.
 */
public final class Topics {
    /** Strategies' lifecycle (see {@link StrategyEvents}). */
    public static final String STRATEGIES = "strategies.v1";

    public static final String SIGNALS = "signals.v1";
    public static final String FILLS = "fills.v1";
    public static final String ACCOUNT_SNAPSHOTS = "account-snapshots.v1";
    public static final String GUARDS = "guards.v1";
    public static final String USERS = "users.v1";
    public static final String BILLING = "billing.v1";
    public static final String COMMISSIONS = "commissions.v1";
    public static final String PAYOUTS = "payouts.v1";
    /** Market data from an outside feed (see {@link MarketEvents.CandlesClosed}). */
    public static final String CANDLES = "candles.v1";

    public static final List<String> ALL = List.of(
            STRATEGIES, SIGNALS, FILLS, ACCOUNT_SNAPSHOTS, GUARDS, USERS, BILLING, COMMISSIONS, PAYOUTS, CANDLES);

    private Topics() {}
}
