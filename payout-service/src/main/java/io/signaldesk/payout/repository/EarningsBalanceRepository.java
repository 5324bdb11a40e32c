package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.EarningsBalance;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EarningsBalanceRepository implements PanacheRepositoryBase<EarningsBalance, EarningsBalance.Key> {
    /** A balance that could be paid out: positive, its affiliate connected, no payout open for it. */
    public record Candidate(UUID affiliateId, String currency, BigDecimal payable, String destination) {}

    public Uni<List<EarningsBalance>> ofAffiliate(UUID affiliateId) {
        return list("affiliateId = ?1 order by currency", affiliateId);
    }

    public Uni<List<Candidate>> candidates(int max) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT b.affiliate_id, b.currency, b.payable, c.stripe_account_id "
                                        + "FROM {h-schema}earnings_balances b JOIN {h-schema}connect_accounts c "
                                        + "ON c.affiliate_id = b.affiliate_id WHERE c.stripe_account_id IS NOT NULL "
                                        + "AND b.payable > 0 AND NOT EXISTS (SELECT 1 FROM {h-schema}payouts p "
                                        + "WHERE p.affiliate_id = b.affiliate_id AND p.currency = b.currency "
                                        + "AND p.state IN ('REQUESTED', 'SUBMITTED')) "
                                        + "ORDER BY b.affiliate_id, b.currency LIMIT :max",
                                Object[].class)
                        .setParameter("max", QueryPlans.notCached(max))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Candidate((UUID) r[0], (String) r[1], (BigDecimal) r[2], (String) r[3]))
                        .toList());
    }

    /**
     * The balance row locked until the transaction ends, or null when another run holds it (that run
     * is deciding this balance's payout; this one skips it).
     */
    public Uni<BigDecimal> lockPayable(UUID affiliateId, String currency) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT payable FROM {h-schema}earnings_balances WHERE affiliate_id = :a "
                                        + "AND currency = :c FOR UPDATE SKIP LOCKED",
                                BigDecimal.class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("c", currency)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
