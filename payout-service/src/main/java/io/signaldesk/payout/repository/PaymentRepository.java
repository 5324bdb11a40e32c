package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.Payment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, String> {
    /** The payment of this Stripe charge, locked against concurrent refunds; null if we never saw it paid. */
    public Uni<Payment> lockByCharge(String chargeId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}payments WHERE charge_id = :c FOR UPDATE", Payment.class)
                        .setParameter("c", chargeId)
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }
}
