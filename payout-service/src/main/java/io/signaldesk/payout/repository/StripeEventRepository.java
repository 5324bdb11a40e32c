package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.StripeEventRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

@ApplicationScoped
public class StripeEventRepository implements PanacheRepositoryBase<StripeEventRecord, String> {
    /**
     * Claims the event id in the current transaction: true when this is its first delivery. A
     * concurrent delivery of the same id waits on the primary key until the first commits and then
     * gets false (or true, if the first rolled back).
     */
    public Uni<Boolean> claim(String eventId, String type, Instant stripeCreated, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}stripe_events (event_id, type, received_at, stripe_created, outcome)"
                                        + " VALUES (:id, :type, :now, :created, 'APPLIED') ON CONFLICT (event_id) DO NOTHING")
                        .setParameter("id", eventId)
                        .setParameter("type", type)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .setParameter("created", stripeCreated.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<Integer> markOutcome(String eventId, StripeEventRecord.Outcome outcome) {
        return update("outcome = ?1 where eventId = ?2", outcome, eventId);
    }
}
