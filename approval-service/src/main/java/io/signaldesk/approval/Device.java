package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A trader's MetaTrader 5 terminal, authenticated by HMAC with its own secret. */
@Entity
@Table(name = "devices")
public class Device {
    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    @Column(name = "broker_account", nullable = false)
    public String brokerAccount;

    @Column(name = "broker_server", nullable = false)
    public String brokerServer;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    @Column(name = "previous_secret_sealed")
    public String previousSecretSealed;

    @Column(name = "previous_valid_until")
    public Instant previousValidUntil;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public boolean active() {
        return revokedAt == null;
    }
}
