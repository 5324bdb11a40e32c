package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.Payment;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, String> {
    /**
     * The payment of this Stripe charge or payment intent (either may be null), locked against
     * concurrent refunds; null if we never saw it paid.
     */
    public Uni<Payment> lockByChargeOrIntent(String chargeId, String paymentIntentId) {
        if (paymentIntentId == null) {
            return chargeId == null ? Uni.createFrom().nullItem() : lockByCharge(chargeId);
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}payments WHERE charge_id = :c OR payment_intent_id = :pi"
                                        + " ORDER BY paid_at LIMIT 1 FOR UPDATE",
                                Payment.class)
                        .setParameter("c", QueryPlans.notCached(chargeId == null ? "" : chargeId))
                        .setParameter("pi", paymentIntentId)
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** The payment of this Stripe charge, locked against concurrent refunds; null if we never saw it paid. */
    public Uni<Payment> lockByCharge(String chargeId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}payments WHERE charge_id = :c FOR UPDATE", Payment.class)
                        .setParameter("c", QueryPlans.notCached(chargeId))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }
}
