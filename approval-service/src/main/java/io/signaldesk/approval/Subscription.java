package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "subscriptions")
public class Subscription {
    public enum Sizing {
        FIXED,
        RISK_PERCENT
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "strategy_id", nullable = false)
    public String strategyId;

    @Column(name = "device_id")
    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sizing_mode", nullable = false)
    public Sizing sizingMode;

    @Column(name = "fixed_volume")
    public BigDecimal fixedVolume;

    @Column(name = "risk_percent")
    public BigDecimal riskPercent;

    @Column(name = "max_volume", nullable = false)
    public BigDecimal maxVolume;

    @Column(name = "auto_approve", nullable = false)
    public boolean autoApprove;

    @Column(name = "auto_approve_max_volume")
    public BigDecimal autoApproveMaxVolume;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
