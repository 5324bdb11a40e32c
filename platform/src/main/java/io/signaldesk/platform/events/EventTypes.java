package io.signaldesk.platform.events;

/** CloudEvents {@code type} values: {@code io.signaldesk.} + the event record's simple name. */
public final class EventTypes {
    public static final String PREFIX = "io.signaldesk.";

    public static final String STRATEGY_CREATED = PREFIX + "StrategyCreated";
    public static final String STRATEGY_UPDATED = PREFIX + "StrategyUpdated";
    public static final String STRATEGY_RETIRED = PREFIX + "StrategyRetired";
    public static final String SIGNAL_PUBLISHED = PREFIX + "SignalPublished";
    public static final String SIGNAL_CANCELLED = PREFIX + "SignalCancelled";
    public static final String FILL_REPORTED = PREFIX + "FillReported";
    public static final String ACCOUNT_SNAPSHOT = PREFIX + "AccountSnapshot";
    public static final String GUARD_TRIGGERED = PREFIX + "GuardTriggered";
    public static final String GUARD_CLEARED = PREFIX + "GuardCleared";
    public static final String USER_REGISTERED = PREFIX + "UserRegistered";
    public static final String PAYMENT_SUCCEEDED = PREFIX + "PaymentSucceeded";
    public static final String PAYMENT_REFUNDED = PREFIX + "PaymentRefunded";
    public static final String SUBSCRIPTION_CHANGED = PREFIX + "SubscriptionChanged";
    public static final String EARNINGS_RELEASED = PREFIX + "EarningsReleased";
    public static final String EARNINGS_REVERSED = PREFIX + "EarningsReversed";
    public static final String PAYOUT_PAID = PREFIX + "PayoutPaid";
    public static final String PAYOUT_FAILED = PREFIX + "PayoutFailed";
    public static final String CANDLES_CLOSED = PREFIX + "CandlesClosed";

    private EventTypes() {
    }
}
