package io.signaldesk.platform.events;

/**
 * CloudEvents {@code type} values: {@code io.signaldesk.} + the event record's simple name, derived
 * from the records themselves (see {@link DomainEvent#eventType()}), so renaming a contract renames
 * its type everywhere at compile time.
 */
public final class EventTypes {
    public static final String PREFIX = "io.signaldesk.";

    public static final String STRATEGY_CREATED = of(StrategyEvents.StrategyCreated.class);
    public static final String STRATEGY_UPDATED = of(StrategyEvents.StrategyUpdated.class);
    public static final String STRATEGY_RETIRED = of(StrategyEvents.StrategyRetired.class);
    public static final String SIGNAL_PUBLISHED = of(TradeEvents.SignalPublished.class);
    public static final String SIGNAL_CANCELLED = of(TradeEvents.SignalCancelled.class);
    public static final String FILL_REPORTED = of(TradeEvents.FillReported.class);
    public static final String ACCOUNT_SNAPSHOT = of(TradeEvents.AccountSnapshot.class);
    public static final String TERMINALS_SEEN = of(TradeEvents.TerminalsSeen.class);
    public static final String GUARD_TRIGGERED = of(TradeEvents.GuardTriggered.class);
    public static final String GUARD_CLEARED = of(TradeEvents.GuardCleared.class);
    public static final String POSITION_CLOSE_REQUESTED = of(TradeEvents.PositionCloseRequested.class);
    public static final String DIVERGENCE_DETECTED = of(TradeEvents.DivergenceDetected.class);
    public static final String USER_REGISTERED = of(UserEvents.UserRegistered.class);
    public static final String PAYMENT_SUCCEEDED = of(MoneyEvents.PaymentSucceeded.class);
    public static final String PAYMENT_REFUNDED = of(MoneyEvents.PaymentRefunded.class);
    public static final String SUBSCRIPTION_CHANGED = of(MoneyEvents.SubscriptionChanged.class);
    public static final String EARNINGS_RELEASED = of(MoneyEvents.EarningsReleased.class);
    public static final String EARNINGS_REVERSED = of(MoneyEvents.EarningsReversed.class);
    public static final String PAYOUT_PAID = of(MoneyEvents.PayoutPaid.class);
    public static final String PAYOUT_FAILED = of(MoneyEvents.PayoutFailed.class);
    public static final String CANDLES_CLOSED = of(MarketEvents.CandlesClosed.class);

    private EventTypes() {}

    /** The CloudEvents type of an event contract. */
    public static String of(Class<? extends DomainEvent> contract) {
        return PREFIX + contract.getSimpleName();
    }
}
