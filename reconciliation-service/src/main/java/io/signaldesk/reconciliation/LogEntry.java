package io.signaldesk.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the reconciliation log. Written once, never changed. */
@Entity
@Table(name = "reconciliation_log")
public class LogEntry {
    public enum Event {
        DETECTED,
        RESOLVED,
        ADOPTED,
        CLOSE_REQUESTED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Divergence.Type type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Event event;

    @Column(name = "divergence_id", nullable = false)
    public UUID divergenceId;

    @Column(nullable = false)
    public long ticket;

    @Column(nullable = false)
    public String details;

    @Column(nullable = false)
    public Instant at;

    public static LogEntry of(Divergence d, Event event, String details, Instant at) {
        LogEntry e = new LogEntry();
        e.id = UUID.randomUUID();
        e.userId = d.userId;
        e.deviceId = d.deviceId;
        e.accountId = d.accountId;
        e.type = d.type;
        e.event = event;
        e.divergenceId = d.id;
        e.ticket = d.ticket;
        e.details = details;
        e.at = at;
        return e;
    }
}
