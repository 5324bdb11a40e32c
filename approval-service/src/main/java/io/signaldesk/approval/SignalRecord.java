package io.signaldesk.approval;

import io.signaldesk.platform.events.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A signal as received on signals.v1. */
@Entity
@Table(name = "signals")
public class SignalRecord {
    @Id
    @Column(name = "signal_id")
    public UUID signalId;

    @Column(name = "strategy_id", nullable = false)
    public String strategyId;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public BigDecimal entry;

    @Column(name = "stop_loss", nullable = false)
    public BigDecimal stopLoss;

    @Column(name = "take_profit", nullable = false)
    public BigDecimal takeProfit;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public String rationale;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** When signal-service published it; null for signals stored before this was kept. */
    @Column(name = "published_at")
    public Instant publishedAt;
}
