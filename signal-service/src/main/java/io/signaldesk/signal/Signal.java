package io.signaldesk.signal;

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

/** A published trade signal. Prices are NUMERIC(19,10), never doubles. */
@Entity
@Table(name = "signals")
public class Signal {
    @Id
    public UUID id;

    @Column(name = "strategy_id", nullable = false)
    public UUID strategyId;

    /** The outside producer that sent it (null for the built-in engine). */
    @Column(name = "producer_id")
    public UUID producerId;

    /** The producer's own id for the signal; a repeat returns the stored signal. */
    @Column(name = "client_signal_id")
    public String clientSignalId;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false, precision = 19, scale = 10)
    public BigDecimal entry;

    @Column(name = "stop_loss", nullable = false, precision = 19, scale = 10)
    public BigDecimal stopLoss;

    @Column(name = "take_profit", nullable = false, precision = 19, scale = 10)
    public BigDecimal takeProfit;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public String rationale;

    /** The bar an engine strategy decided on (open time); null for outside producers. */
    @Column(name = "candle_time")
    public Instant candleTime;

    /** {@code producer:<id>}, {@code tradingview:<producerId>} or {@code engine:fib-rsi}. */
    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
