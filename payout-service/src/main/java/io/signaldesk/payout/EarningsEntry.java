package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One immutable movement of a payable balance (signed amount); unique per kind and source id. */
@Entity
@Table(name = "earnings_entries")
public class EarningsEntry {
    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EarningsEntryKind kind;

    /** The commissions.v1 entry id (RELEASED, REVERSED) or the payout id (PAID). */
    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
