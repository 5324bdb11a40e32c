package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.Commission;
import io.signaldesk.platform.events.MoneyEvents.PaymentRefunded;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommissionRepository implements PanacheRepositoryBase<Commission, UUID> {
    private Uni<List<Commission>> locked(
            String where,
            java.util.function.UnaryOperator<org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<Commission>> params) {
        return Panache.getSession()
                .chain(s -> params.apply(s.createNativeQuery(
                                "SELECT * FROM {h-schema}commissions WHERE " + where + " ORDER BY id FOR UPDATE",
                                Commission.class))
                        .getResultList());
    }

    public Uni<Commission> lockOfPayment(UUID paymentId) {
        return locked("payment_id = :p", q -> q.setParameter("p", paymentId)).map(l -> l.isEmpty() ? null : l.get(0));
    }

    /**
     * The affiliate's referrals in good standing other than {@code except}: referred users with a
     * commission that is neither held nor rejected and whose payment was not fully given back. This
     * is what the tier counts: a referral that paid once and was refunded, charged back or found
     * fraudulent buys no better rate for the others.
     */
    public Uni<Long> payingInGoodStandingOf(UUID affiliateId, UUID except) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(DISTINCT referred_user_id) FROM {h-schema}commissions "
                                + "WHERE affiliate_id = :a AND referred_user_id <> :u "
                                + "AND status IN ('PENDING', 'RELEASED') AND refunded < payment_amount")
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("u", except)
                        .getSingleResult())
                .map(n -> ((Number) n).longValue());
    }

    /** PENDING commissions whose hold has elapsed, locked (rows another sweep holds are skipped). */
    public Uni<List<Commission>> lockDue(Instant now, int max) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}commissions WHERE status = 'PENDING' AND hold_until <= :now "
                                        + "ORDER BY hold_until LIMIT " + max + " FOR UPDATE SKIP LOCKED",
                                Commission.class)
                        .setParameter("now", QueryPlans.notCached(now))
                        .getResultList());
    }

    public Uni<List<Commission>> lockOfCase(UUID caseId) {
        return locked("fraud_case_id = :c AND status = 'ON_HOLD'", q -> q.setParameter("c", caseId));
    }

    /** The not yet released commissions of these referred users, locked. */
    public Uni<List<Commission>> lockPendingOf(Collection<UUID> users) {
        return locked("referred_user_id IN (:u) AND status = 'PENDING'", q -> q.setParameter("u", users));
    }

    public Uni<List<Commission>> ofCase(UUID caseId) {
        return list("fraudCaseId", caseId);
    }

    /** Records a Stripe refund or dispute once: false when its id was seen before. */
    public Uni<Boolean> recordRefund(String refundId, UUID paymentId, String reason, Money amount, Instant refundedAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}refunds (refund_id, payment_id, reason, currency, amount, "
                                        + "refunded_at) VALUES (:r, :p, :why, :c, :a, :t) ON CONFLICT DO NOTHING")
                        .setParameter("r", refundId)
                        .setParameter("p", paymentId)
                        .setParameter("why", reason)
                        .setParameter("c", amount.currencyCode())
                        .setParameter("a", amount.amount())
                        .setParameter("t", refundedAt)
                        .executeUpdate())
                .map(n -> n > 0);
    }

    /** The refunds recorded for a payment, oldest first, as the events that brought them. */
    public Uni<List<PaymentRefunded>> refundsOf(UUID paymentId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT refund_id, reason, currency, amount, refunded_at FROM {h-schema}refunds WHERE "
                                        + "payment_id = :p ORDER BY refunded_at, refund_id",
                                Object[].class)
                        .setParameter("p", QueryPlans.notCached(paymentId))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new PaymentRefunded(
                                paymentId,
                                null,
                                null,
                                (String) r[0],
                                (String) r[1],
                                Money.of(
                                        (java.math.BigDecimal) r[3],
                                        java.util.Currency.getInstance(((String) r[2]).trim())),
                                toInstant(r[4])))
                        .toList());
    }

    private static Instant toInstant(Object o) {
        return o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
    }

    /** The affiliate's commissioned payments: {total, refunded (any refund)}. */
    public Uni<long[]> refundStats(UUID affiliateId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*), count(*) FILTER (WHERE refunded > 0) FROM {h-schema}commissions "
                                        + "WHERE affiliate_id = :a",
                                Object[].class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .getSingleResult())
                .map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
    }

    /** Commission accrued per UTC month and currency since {@code from}: (month, currency, sum). */
    public Uni<List<Object[]>> monthly(UUID affiliateId, Instant from) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT to_char(date_trunc('month', paid_at AT TIME ZONE 'UTC'), 'YYYY-MM'), currency, "
                                        + "sum(amount - clawed_back) FROM {h-schema}commissions WHERE affiliate_id = :a "
                                        + "AND paid_at >= :f AND status <> 'REJECTED' GROUP BY 1, 2",
                                Object[].class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("f", from)
                        .getResultList());
    }
}
