package io.signaldesk.reconciliation;

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

/** One fill of a position (or a synthetic one: an adopted position's open, a CLOSE_ALL's close). */
@Entity
@Table(name = "position_fills")
public class PositionFill {
    public enum Action {
        OPEN,
        CLOSE
    }

    /** FILL: an EA's acknowledged fill; ADOPTED: the trader made a broker position ours; CLOSE_ALL: a guard closed it. */
    public enum Source {
        FILL,
        ADOPTED,
        CLOSE_ALL
    }

    @Id
    @Column(name = "fill_id")
    public UUID fillId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(nullable = false)
    public long ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "command_id")
    public UUID commandId;

    public String instrument;

    @Enumerated(EnumType.STRING)
    public Side side;

    /** Null for a CLOSE_ALL close: the whole position. */
    public BigDecimal volume;

    public BigDecimal price;

    @Column(name = "executed_at", nullable = false)
    public Instant executedAt;
}
