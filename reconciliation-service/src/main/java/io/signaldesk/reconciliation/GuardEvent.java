package io.signaldesk.reconciliation;

import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The guards' audit trail: a stage reached, or a guard cleared and by whom. Written once. */
@Entity
@Table(name = "guard_events")
public class GuardEvent {
    public enum Event {
        TRIGGERED,
        CLEARED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuardKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Event event;

    @Enumerated(EnumType.STRING)
    public GuardStage stage;

    public BigDecimal observed;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
