package io.signaldesk.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.DomainEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enqueues events in the caller's reactive transaction. Call it inside {@code @WithTransaction}
 * (or {@code Panache.withTransaction}) together with the state change: both commit or neither does.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper mapper;
    private final String source;

    public Outbox(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.mapper = mapper;
        this.source = "/signaldesk/" + application;
    }

    /** Adds the event to the current transaction's outbox; returns the event id (the CloudEvents id). */
    public Uni<UUID> enqueue(DomainEvent event) {
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException(
                                "Outbox.enqueue must run inside a transaction with the state change it describes"));
            }
            OutboxEvent row = toRow(event);
            return Panache.getSession().chain(session -> session.persist(row)).replaceWith(row.id);
        });
    }

    OutboxEvent toRow(DomainEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = event.topic();
        row.messageKey = event.key();
        row.eventType = event.eventType();
        row.source = source;
        row.createdAt = Instant.now();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event cannot be serialized: " + event.getClass().getName(), e);
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        row.traceParent = carrier.get("traceparent");
        return row;
    }
}
