package io.signaldesk.platform.events;

import java.time.Instant;
import java.util.UUID;

/** Contracts of {@code strategies.v1}, keyed by strategy id: what other services may know of a strategy. */
public final class StrategyEvents {
    private StrategyEvents() {
    }

    /** A new strategy that traders may follow. */
    public record StrategyCreated(UUID strategyId, String name, String kind, String instrument, String timeframe,
                                  Instant createdAt) implements DomainEvent {
        @Override
        public String topic() {
            return Topics.STRATEGIES;
        }

        @Override
        public String key() {
            return strategyId.toString();
        }
    }

    /** A strategy's descriptive fields changed (the full new state, so a consumer needs nothing else). */
    public record StrategyUpdated(UUID strategyId, String name, String kind, String instrument, String timeframe,
                                  Instant updatedAt) implements DomainEvent {
        @Override
        public String topic() {
            return Topics.STRATEGIES;
        }

        @Override
        public String key() {
            return strategyId.toString();
        }
    }

    /** No more signals: nobody may subscribe, and its subscriptions receive nothing. Final. */
    public record StrategyRetired(UUID strategyId, Instant retiredAt) implements DomainEvent {
        @Override
        public String topic() {
            return Topics.STRATEGIES;
        }

        @Override
        public String key() {
            return strategyId.toString();
        }
    }
}
