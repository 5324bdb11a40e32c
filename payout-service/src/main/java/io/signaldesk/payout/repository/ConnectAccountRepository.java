package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.ConnectAccount;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConnectAccountRepository implements PanacheRepositoryBase<ConnectAccount, UUID> {
    /** The affiliate's row, created on first onboarding (concurrent first calls find one row). */
    public Uni<Void> claim(UUID affiliateId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}connect_accounts (affiliate_id) VALUES (:a) "
                                + "ON CONFLICT (affiliate_id) DO NOTHING")
                        .setParameter("a", affiliateId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The Stripe account of the affiliate, or null while none is attached. */
    public Uni<String> accountOf(UUID affiliateId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT stripe_account_id FROM {h-schema}connect_accounts WHERE affiliate_id = :a",
                                String.class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Attaches Stripe's account to the row unless one is attached already (the first one stays). */
    public Uni<Void> attach(UUID affiliateId, String stripeAccountId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE {h-schema}connect_accounts SET stripe_account_id = :s, "
                                + "updated_at = now() WHERE affiliate_id = :a AND stripe_account_id IS NULL")
                        .setParameter("s", stripeAccountId)
                        .setParameter("a", affiliateId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<ConnectAccount>> connected(UUID affiliateId) {
        return list("affiliateId = ?1 and stripeAccountId is not null", affiliateId);
    }
}
