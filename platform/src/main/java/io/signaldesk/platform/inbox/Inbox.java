package io.signaldesk.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Idempotent consumption: records (consumer, event id) in the same transaction as the effect.
 * A redelivered event finds its row and has no second effect. Concurrent duplicates serialize on
 * the primary key: the second insert waits for the first transaction and then does nothing.
 */
@ApplicationScoped
public class Inbox {

    /**
     * Runs {@code effect} once per (consumer, eventId), inside one transaction with the inbox row.
     *
     * @return true when the effect ran, false when the event had been processed before
     */
    public Uni<Boolean> once(String consumer, String eventId, String eventType, Supplier<Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO {h-schema}inbox (consumer, event_id, event_type) VALUES (:c, :e, :t) "
                                        + "ON CONFLICT DO NOTHING")
                        .setParameter("c", consumer)
                        .setParameter("e", eventId)
                        .setParameter("t", eventType)
                        .executeUpdate()
                        .chain(inserted -> inserted == 0
                                ? Uni.createFrom().item(Boolean.FALSE)
                                : effect.get().replaceWith(Boolean.TRUE))));
    }
}
