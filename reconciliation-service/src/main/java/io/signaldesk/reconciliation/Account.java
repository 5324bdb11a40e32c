package io.signaldesk.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A trader's broker account as its terminal (device) reports it, with what the guards track. */
@Entity
@Table(name = "accounts")
public class Account {
    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    public String currency;
    public BigDecimal balance;
    public BigDecimal equity;

    @Column(name = "equity_peak")
    public BigDecimal equityPeak;

    public LocalDate day;

    /** When {@link #day} ends: fixed when the day begins, so a change of time zone cannot end it early. */
    @Column(name = "day_ends_at")
    public Instant dayEndsAt;

    @Column(name = "day_start_equity")
    public BigDecimal dayStartEquity;

    @Column(name = "day_start_balance")
    public BigDecimal dayStartBalance;

    @Column(name = "last_snapshot_id")
    public UUID lastSnapshotId;

    @Column(name = "last_snapshot_at")
    public Instant lastSnapshotAt;

    /** The newest time the terminal reported its state unchanged since {@link #lastSnapshotAt} (TerminalsSeen). */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "close_all_requested_at")
    public Instant closeAllRequestedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the terminal last reported: its state as of then is the newest applied snapshot's; null before any. */
    public Instant lastReportedAt() {
        if (lastSeenAt == null || (lastSnapshotAt != null && lastSnapshotAt.isAfter(lastSeenAt))) {
            return lastSnapshotAt;
        }
        return lastSeenAt;
    }
}
