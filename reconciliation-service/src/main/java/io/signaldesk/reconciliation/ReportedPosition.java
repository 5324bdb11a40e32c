package io.signaldesk.reconciliation;

import io.signaldesk.platform.events.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A position of the account's newest applied snapshot, as the broker reports it. */
@Entity
@Table(name = "reported_positions")
public class ReportedPosition {
    @Id
    public UUID id;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(nullable = false)
    public long ticket;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public BigDecimal volume;

    @Column(name = "open_price", nullable = false)
    public BigDecimal openPrice;

    public BigDecimal profit;
}
