package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.EarningsEntry;
import io.signaldesk.payout.EarningsEntryKind;
import io.signaldesk.platform.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Immutable balance entries and the stored balance they sum to, written in the caller's transaction. */
@ApplicationScoped
public class EarningsEntryRepository implements PanacheRepositoryBase<EarningsEntry, UUID> {
    /**
     * Appends the entry (signed amount) unless one of this kind and source exists, and adds it to the
     * stored balance in the same statement's transaction.
     *
     * @return true when it was new
     */
    public Uni<Boolean> append(EarningsEntryKind kind, UUID affiliateId, UUID sourceId, Money signedAmount) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}earnings_entries (id, affiliate_id, kind, source_id, currency, amount) "
                                        + "VALUES (:id, :a, :k, :src, :c, :amt) ON CONFLICT (kind, source_id) DO NOTHING")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("a", affiliateId)
                        .setParameter("k", kind.name())
                        .setParameter("src", sourceId)
                        .setParameter("c", signedAmount.currencyCode())
                        .setParameter("amt", signedAmount.amount())
                        .executeUpdate()
                        .chain(inserted -> inserted == 0
                                ? Uni.createFrom().item(Boolean.FALSE)
                                : s.createNativeQuery(
                                                "INSERT INTO {h-schema}earnings_balances (affiliate_id, currency, payable) "
                                                        + "VALUES (:a, :c, :amt) ON CONFLICT (affiliate_id, currency) DO UPDATE "
                                                        + "SET payable = earnings_balances.payable + EXCLUDED.payable, updated_at = now()")
                                        .setParameter("a", affiliateId)
                                        .setParameter("c", signedAmount.currencyCode())
                                        .setParameter("amt", signedAmount.amount())
                                        .executeUpdate()
                                        .replaceWith(Boolean.TRUE)));
    }

    /** Stored balances that differ from the sum of their entries (0 unless something bypassed {@link #append}). */
    public Uni<Long> drift() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM {h-schema}earnings_balances b WHERE b.payable <> "
                                        + "(SELECT coalesce(sum(e.amount), 0) FROM {h-schema}earnings_entries e "
                                        + "WHERE e.affiliate_id = b.affiliate_id AND e.currency = b.currency)",
                                Long.class)
                        .getSingleResult());
    }
}
