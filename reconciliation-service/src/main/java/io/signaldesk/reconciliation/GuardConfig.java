package io.signaldesk.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's guard thresholds. Drawdown in percent of the equity peak, daily loss in the account's
 * currency from the day's first equity; each staged WARN < BLOCK < CLOSE_ALL; a null stage is off.
 */
@Entity
@Table(name = "guard_configs")
public class GuardConfig {
    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** Where the trading day begins (the daily loss resets at this zone's midnight). */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "drawdown_warn")
    public BigDecimal drawdownWarn;

    @Column(name = "drawdown_block")
    public BigDecimal drawdownBlock;

    @Column(name = "drawdown_close")
    public BigDecimal drawdownClose;

    @Column(name = "daily_loss_warn")
    public BigDecimal dailyLossWarn;

    @Column(name = "daily_loss_block")
    public BigDecimal dailyLossBlock;

    @Column(name = "daily_loss_close")
    public BigDecimal dailyLossClose;

    /** No snapshot for this many seconds: WARN, then BLOCK (null: off). */
    @Column(name = "stale_warn_seconds")
    public Integer staleWarnSeconds;

    @Column(name = "stale_block_seconds")
    public Integer staleBlockSeconds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
