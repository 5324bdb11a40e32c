package io.signaldesk.approval;

import io.signaldesk.platform.events.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An instruction for a device's EA: OPEN a position, CLOSE a ticket, or CLOSE_ALL. */
@Entity
@Table(name = "commands")
public class Command {
    public enum Type {
        OPEN,
        CLOSE,
        CLOSE_ALL
    }

    public enum Status {
        PENDING,
        LEASED,
        FILLED,
        REJECTED,
        FAILED,
        EXPIRED;

        /** The results an EA may report (docs/ea-protocol.md). */
        public boolean reportable() {
            return this == FILLED || this == REJECTED || this == FAILED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "approval_id")
    public UUID approvalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    public String instrument;

    @Enumerated(EnumType.STRING)
    public Side side;

    public BigDecimal volume;
    public BigDecimal entry;

    @Column(name = "stop_loss")
    public BigDecimal stopLoss;

    @Column(name = "take_profit")
    public BigDecimal takeProfit;

    public Long ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "delivery_count", nullable = false)
    public int deliveryCount;

    /**
     * The process that leased it, as the EA poll's lease returned it (column {@code leased_by}, V13):
     * read by that poll only, never written through Hibernate.
     */
    @Transient
    public Integer leasedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** OPEN only: not delivered after this (the signal's expiry plus a grace); null for CLOSE and CLOSE_ALL. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /**
     * Auto-approved OPEN only: when its signal was published, so that the command's first hand-over
     * to the terminal measures the whole signal -> EA path. Null otherwise.
     */
    @Column(name = "signal_published_at")
    public Instant signalPublishedAt;

    @Column(name = "acked_at")
    public Instant ackedAt;

    @Column(name = "ack_ticket")
    public Long ackTicket;

    @Column(name = "ack_price")
    public BigDecimal ackPrice;

    @Column(name = "ack_volume")
    public BigDecimal ackVolume;

    @Column(name = "ack_executed_at")
    public Instant ackExecutedAt;

    @Column(name = "ack_error")
    public String ackError;

    @Column(name = "ack_fingerprint")
    public String ackFingerprint;
}
