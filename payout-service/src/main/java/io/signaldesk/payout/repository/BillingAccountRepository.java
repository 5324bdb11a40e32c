package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.BillingAccount;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class BillingAccountRepository implements PanacheRepositoryBase<BillingAccount, UUID> {
    /** The account linked to this Stripe customer, locked until the transaction ends; null if none. */
    public Uni<BillingAccount> lockByCustomer(String customerId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}billing_accounts WHERE stripe_customer_id = :c FOR UPDATE",
                                BillingAccount.class)
                        .setParameter("c", QueryPlans.notCached(customerId))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** The user's account, locked until the transaction ends; null if none. */
    public Uni<BillingAccount> lockByUser(UUID userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}billing_accounts WHERE user_id = :u FOR UPDATE",
                                BillingAccount.class)
                        .setParameter("u", QueryPlans.notCached(userId))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** Creates the user's account on {@code tier} unless it exists (a concurrent creation is no error). */
    public Uni<Void> insertIfAbsent(UUID userId, String tier, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}billing_accounts (user_id, tier, status, updated_at)"
                                        + " VALUES (:u, :tier, 'NONE', :now) ON CONFLICT (user_id) DO NOTHING")
                        .setParameter("u", userId)
                        .setParameter("tier", tier)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
