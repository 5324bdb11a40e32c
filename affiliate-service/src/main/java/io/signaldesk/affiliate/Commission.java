package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The affiliate's share of one payment of a referred user. Its money moves only through the ledger. */
@Entity
@Table(name = "commissions")
public class Commission {
    public enum Status {
        /** Accrued, in its hold; released by the sweep once the hold has elapsed. */
        PENDING,
        /** Held by a fraud case until an admin resolves it. */
        ON_HOLD,
        /** Payable (what is left of it after clawbacks). */
        RELEASED,
        /** Rejected by an admin: what was left of it was reversed. */
        REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false, unique = true)
    public UUID paymentId;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "referred_user_id", nullable = false)
    public UUID referredUserId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "payment_amount", nullable = false)
    public BigDecimal paymentAmount;

    @Column(nullable = false)
    public BigDecimal rate;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public BigDecimal refunded;

    @Column(name = "clawed_back", nullable = false)
    public BigDecimal clawedBack;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "fraud_case_id")
    public UUID fraudCaseId;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "hold_until", nullable = false)
    public Instant holdUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "released_at")
    public Instant releasedAt;
}
