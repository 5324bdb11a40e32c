package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An immutable entry of the earnings ledger (its postings are in {@code postings}); one per cause. */
@Entity
@Table(name = "journal_entries")
public class JournalEntry {
    public enum Kind {
        ACCRUE,
        RELEASE,
        REVERSE,
        REJECT,
        PAYOUT
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String cause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(name = "affiliate_id", nullable = false, updatable = false)
    public UUID affiliateId;

    @Column(nullable = false, length = 3, updatable = false)
    public String currency;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
