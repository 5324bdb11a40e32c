package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.PaymentRefund;
import io.signaldesk.payout.PendingGiveBack;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class PendingGiveBackRepository implements PanacheRepositoryBase<PendingGiveBack, String> {
    /** Keeps a refund or dispute until its payment is seen; a second delivery of the same id is no change. */
    public Uni<Void> keep(
            String id,
            PaymentRefund.Reason reason,
            String chargeId,
            String paymentIntentId,
            BigDecimal amount,
            String currency,
            Instant createdAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}pending_give_backs"
                                + " (give_back_id, reason, charge_id, payment_intent_id, amount, currency, created_at)"
                                + " VALUES (:id, :reason, :c, :pi, :amount, :currency, :at)"
                                + " ON CONFLICT (give_back_id) DO NOTHING")
                        .setParameter("id", id)
                        .setParameter("reason", reason.name())
                        .setParameter("c", chargeId)
                        .setParameter("pi", paymentIntentId)
                        .setParameter("amount", amount)
                        .setParameter("currency", currency)
                        .setParameter("at", createdAt.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** What is kept for this charge or payment intent (either may be null), oldest first (ties in arrival order), locked. */
    public Uni<List<PendingGiveBack>> lockFor(String chargeId, String paymentIntentId) {
        if (chargeId == null && paymentIntentId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT give_back_id, reason, charge_id, payment_intent_id, amount, currency, created_at"
                                        + " FROM {h-schema}pending_give_backs WHERE charge_id = :c OR payment_intent_id = :pi"
                                        + " ORDER BY created_at, seq FOR UPDATE",
                                PendingGiveBack.class)
                        .setParameter("c", QueryPlans.notCached(chargeId == null ? "" : chargeId))
                        .setParameter("pi", paymentIntentId == null ? "" : paymentIntentId)
                        .getResultList());
    }
}
