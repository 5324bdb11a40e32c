package io.signaldesk.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An outside signal producer bound to one strategy. It signs requests with an HMAC secret (stored
 * sealed, the server needs it to verify) or posts TradingView alerts to a URL holding a token
 * (stored only as its SHA-256).
 */
@Entity
@Table(name = "producers")
public class Producer {
    /** Derived from {@link #revokedAt}, not stored: a producer is revoked once and for good. */
    public enum Status {
        ACTIVE,
        REVOKED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "strategy_id", nullable = false)
    public UUID strategyId;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    /** The secret before the last rotation, valid until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret_sealed")
    public String previousSecretSealed;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "tradingview_token_hash", nullable = false)
    public String tradingViewTokenHash;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean revoked() {
        return revokedAt != null;
    }

    public Status status() {
        return revoked() ? Status.REVOKED : Status.ACTIVE;
    }

    /** The previous secret's end of grace, or null when it no longer works. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecretSealed != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecretExpiresAt
                : null;
    }
}
