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

    /**
     * {@code account-snapshots.v1}, keyed by {@link #KEY} (one partition: the batches keep their
     * order): terminals whose latest snapshots repeated the content of their last published
     * {@link AccountSnapshot} (taken at {@code snapshotTakenAt}) and so were not published again; each
     * was still reporting at {@code seenAt}. Liveness, not state: a consumer orders snapshots by their
     * own {@code takenAt}, never by these.
     */
    public record TerminalsSeen(UUID reportId, List<Seen> terminals, Instant reportedAt) implements DomainEvent {
        public static final String KEY = "terminals-seen";

        @Override
        public String topic() {
            return Topics.ACCOUNT_SNAPSHOTS;
        }

        @Override
        public String key() {
            return KEY;
        }
    }

    /** One terminal of a {@link TerminalsSeen}. */
    public record Seen(UUID deviceId, UUID userId, String accountId, Instant snapshotTakenAt, Instant seenAt) {}

    /** The guard a {@link GuardTriggered} or {@link GuardCleared} is about. */
    public enum GuardKind {
        /** Equity this far below its peak, in percent. */
        DRAWDOWN,
        /** Equity this far below the day's first equity, in the account's currency. */
        DAILY_LOSS,
        /** No snapshot from the terminal for this many seconds (WARN and BLOCK only; it clears with the next snapshot). */
        STALE_TERMINAL
    }

    /**
     * How far a guard has gone. WARN alerts only; BLOCK refuses new approvals on the account;
     * CLOSE_ALL also closes every position on it (approval-service queues one CLOSE_ALL command).
     */
    public enum GuardStage {
        WARN,
        BLOCK,
        CLOSE_ALL
    }

    /**
     * {@code guards.v1}, keyed by account id: a guard of the account (the device) reached a stage.
     * {@code limit} is that stage's threshold and {@code observed} the value that crossed it (percent
     * for DRAWDOWN, account currency for DAILY_LOSS, seconds for STALE_TERMINAL). One event per escalation.
     */
    public record GuardTriggered(
            UUID guardEventId,
            UUID userId,
            UUID deviceId,
            String accountId,
            GuardKind guardKind,
            GuardStage stage,
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

    /**
     * {@code guards.v1}: the guard is back to normal (DAILY_LOSS at the day's reset, STALE_TERMINAL at
     * the terminal's next snapshot, DRAWDOWN when the
     * trader clears it); the account takes approvals again unless another guard still blocks it.
     * {@code clearedBy} is {@code system} or {@code user:<id>}.
     */
    public record GuardCleared(
            UUID guardEventId,
            UUID userId,
            UUID deviceId,
            String accountId,
            GuardKind guardKind,
            String clearedBy,
            Instant clearedAt)
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

    /**
     * {@code guards.v1}: the trader asked to close one position the broker reports (an orphan found by
     * reconciliation); approval-service queues a CLOSE command for that ticket on the device.
     */
    public record PositionCloseRequested(
            UUID requestId,
            UUID userId,
            UUID deviceId,
            String accountId,
            long ticket,
            String reason,
            Instant requestedAt)
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

    /**
     * {@code guards.v1}: reconciliation found a new divergence on the account, for the trader's
     * alerts. {@code type} is MISSING_AT_BROKER, UNEXPECTED_AT_BROKER, VOLUME_MISMATCH or
     * PRICE_MISMATCH; {@code details} says it in words.
     */
    public record DivergenceDetected(
            UUID divergenceId,
            UUID userId,
            UUID deviceId,
            String accountId,
            String type,
            long ticket,
            String details,
            Instant detectedAt)
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
