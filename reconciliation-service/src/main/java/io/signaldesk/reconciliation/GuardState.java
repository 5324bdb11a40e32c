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

/** The stage one guard of an account has reached; no row means normal. */
@Entity
@Table(name = "guard_states")
public class GuardState {
    @Id
    public UUID id;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuardKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuardStage stage;

    @Column(name = "limit_value", nullable = false)
    public BigDecimal limit;

    @Column(nullable = false)
    public BigDecimal observed;

    @Column(nullable = false)
    public Instant since;
}
