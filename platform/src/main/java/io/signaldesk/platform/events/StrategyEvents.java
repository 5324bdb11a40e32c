package io.signaldesk.platform.events;

import java.time.Instant;
import java.util.UUID;

/** Contracts of {@code strategies.v1}, keyed by strategy id: what other services may know of a strategy. */
public final class StrategyEvents {
    private StrategyEvents() {}

    /** Every strategy event: on {@code strategies.v1}, keyed by its strategy, so one strategy's events stay in order. */
    public interface StrategyEvent extends DomainEvent {
        UUID strategyId();

        @Override
        default String topic() {
            return Topics.STRATEGIES;
        }

        @Override
        default String key() {
            return strategyId().toString();
        }
    }

    /** A new strategy that traders may follow. */
    public record StrategyCreated(
            UUID strategyId, String name, String kind, String instrument, String timeframe, Instant createdAt)
            implements StrategyEvent {}

    /** A strategy's descriptive fields changed (the full new state, so a consumer needs nothing else). */
    public record StrategyUpdated(
            UUID strategyId, String name, String kind, String instrument, String timeframe, Instant updatedAt)
            implements StrategyEvent {}

    /** No more signals: nobody may subscribe, and its subscriptions receive nothing. Final. */
    public record StrategyRetired(UUID strategyId, Instant retiredAt) implements StrategyEvent {}
}
