package io.signaldesk.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A difference between what we expect an account to hold and what its broker reports; open until resolved. */
@Entity
@Table(name = "divergences")
public class Divergence {
    public enum Type {
        /** We expect the position; the broker does not report it. */
        MISSING_AT_BROKER,
        /** The broker reports a position that is not ours (a manual trade). */
        UNEXPECTED_AT_BROKER,
        VOLUME_MISMATCH,
        PRICE_MISMATCH
    }

    /** RECONCILED: the two agree again; ADOPTED: the trader made the position ours; CLOSED: it was closed on request. */
    public enum Resolution {
        RECONCILED,
        ADOPTED,
        CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(nullable = false)
    public long ticket;

    @Column(nullable = false)
    public String details;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "close_requested_at")
    public Instant closeRequestedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    public Resolution resolution;

    public boolean open() {
        return resolvedAt == null;
    }
}
