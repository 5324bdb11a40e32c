package io.signaldesk.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be published. Written in the same transaction as the state change it
 * describes; the {@link OutboxRelay} publishes it and sets {@code publishedAt}. {@code seq} is
 * assigned by the database (identity column) and orders publication.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at", insertable = false)
    public Instant publishedAt;
}
