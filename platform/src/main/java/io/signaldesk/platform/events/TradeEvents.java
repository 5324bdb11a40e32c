package io.signaldesk.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contracts of the trade pipeline topics. Prices and volumes are decimals, never doubles. */
public final class TradeEvents {
    private TradeEvents() {}

    /** {@code signals.v1}, keyed by strategy id (outside producers publish under the strategy they feed). */
    public record SignalPublished(
            UUID signalId,
            String strategyId,
            String instrument,
            Side side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant expiresAt,
            @Nullable String rationale,
            String source,
            Instant publishedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.SIGNALS;
        }

        @Override
        public String key() {
            return strategyId;
        }
    }

    public record SignalCancelled(
            UUID signalId, String strategyId, @Nullable String reason, Instant cancelledAt) implements DomainEvent {
        @Override
        public String topic() {
            return Topics.SIGNALS;
        }

        @Override
        public String key() {
            return strategyId;
        }
    }

    public enum FillAction {
        OPEN,
        CLOSE
    }

    /** {@code fills.v1}, keyed by account id (the device's broker account). */
    public record FillReported(
            UUID fillId,
            UUID commandId,
            UUID userId,
            UUID deviceId,
            String accountId,
            FillAction action,
            @Nullable String instrument,
            @Nullable Side side,
            long ticket,
            BigDecimal volume,
            BigDecimal price,
            Instant executedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.FILLS;
        }

        @Override
        public String key() {
            return accountId;
        }
    }

    public record ReportedPosition(
            long ticket, String instrument, Side side, BigDecimal volume, BigDecimal openPrice, BigDecimal profit) {}

    /** {@code account-snapshots.v1}, keyed by account id. */
    public record AccountSnapshot(
            UUID snapshotId,
            UUID userId,
            UUID deviceId,
            String accountId,
            String currency,
            BigDecimal balance,
            BigDecimal equity,
            List<ReportedPosition> positions,
            Instant takenAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.ACCOUNT_SNAPSHOTS;
        }

        @Override
        public String key() {
            return accountId;
        }
    }

    /** {@code guards.v1}, keyed by account id. */
    public record GuardTriggered(
            UUID guardEventId,
            UUID userId,
            String accountId,
            String guardKind,
            BigDecimal limit,
            BigDecimal observed,
            Instant triggeredAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.GUARDS;
        }

        @Override
        public String key() {
            return accountId;
        }
    }

    public record GuardCleared(UUID guardEventId, UUID userId, String accountId, String guardKind, Instant clearedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.GUARDS;
        }

        @Override
        public String key() {
            return accountId;
        }
    }
}
