package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A suspicion that holds commissions for an admin's review; its resolution is its audit record. */
@Entity
@Table(name = "fraud_cases")
public class FraudCase {
    public enum Kind {
        SELF_REFERRAL,
        WASH_TRADE,
        REFUND_RATE
    }

    public enum Status {
        OPEN,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_by")
    public UUID resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String note;
}
