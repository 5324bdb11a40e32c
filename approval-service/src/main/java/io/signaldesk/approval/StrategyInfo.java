package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What approval-service knows of a strategy: the projection of {@code strategies.v1}. */
@Entity
@Table(name = "strategies")
public class StrategyInfo {
    @Id
    @Column(name = "strategy_id")
    public String strategyId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String instrument;

    @Column(nullable = false)
    public String timeframe;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean live() {
        return retiredAt == null;
    }
}
