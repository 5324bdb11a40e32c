package io.signaldesk.approval;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "approvals")
public class Approval extends PanacheEntityBase {
    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "signal_id", nullable = false)
    public UUID signalId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public BigDecimal volume;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
