package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.Payout;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Payouts. Every state change is a conditional UPDATE on the state it leaves ({@code WHERE state =
 * ...}), so a late or concurrent writer changes nothing (and a trigger refuses going backwards).
 */
@ApplicationScoped
public class PayoutRepository implements PanacheRepositoryBase<Payout, UUID> {
    /** A payout claimed for one attempt; {@code attempts} counts this one. */
    public record Claim(UUID id, int attempts) {}

    /**
     * A REQUESTED payout for the balance, unless one is open for the affiliate and currency (the
     * partial unique index decides between concurrent runs).
     *
     * @return true when this call created it
     */
    public Uni<Boolean> request(UUID id, UUID affiliateId, String currency, BigDecimal amount, String destination) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}payouts (id, affiliate_id, currency, amount, destination, state) "
                                        + "VALUES (:id, :a, :c, :amt, :d, 'REQUESTED') "
                                        + "ON CONFLICT (affiliate_id, currency) WHERE state IN ('REQUESTED', 'SUBMITTED') "
                                        + "DO NOTHING")
                        .setParameter("id", id)
                        .setParameter("a", affiliateId)
                        .setParameter("c", currency)
                        .setParameter("amt", amount)
                        .setParameter("d", destination)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** The sum of the affiliate's open payouts in the currency (what they reserve). */
    public Uni<BigDecimal> reserved(UUID affiliateId, String currency) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT coalesce(sum(amount), 0) FROM {h-schema}payouts WHERE affiliate_id = :a "
                                        + "AND currency = :c AND state IN ('REQUESTED', 'SUBMITTED')",
                                BigDecimal.class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("c", currency)
                        .getSingleResult());
    }

    /**
     * Claims the next payout due for an attempt (REQUESTED, or SUBMITTED whose retry or lease is due),
     * skipping rows another run has locked: it becomes SUBMITTED, its attempts grow by one, and it is
     * not due again until {@code lease} has passed (the attempt settles it before then).
     */
    public Uni<Claim> claimNext(Duration lease) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id FROM {h-schema}payouts WHERE state IN (:states) "
                                        + "AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                                UUID.class)
                        .setParameter("states", List.of("REQUESTED", "SUBMITTED")) // a list: no plan cached per call
                        .getResultList()
                        .chain(ids -> ids.isEmpty()
                                ? Uni.createFrom().nullItem()
                                : s.createNativeQuery(
                                                "UPDATE {h-schema}payouts SET state = 'SUBMITTED', attempts = attempts + 1, "
                                                        + "submitted_at = coalesce(submitted_at, now()), "
                                                        + "next_attempt_at = now() + cast(:ms AS bigint) * interval '1 millisecond', "
                                                        + "updated_at = now() WHERE id = :id")
                                        .setParameter("ms", lease.toMillis())
                                        .setParameter("id", ids.get(0))
                                        .executeUpdate()
                                        .chain(() -> s.createNativeQuery(
                                                        "SELECT attempts FROM {h-schema}payouts WHERE id = :id",
                                                        Integer.class)
                                                .setParameter("id", QueryPlans.notCached(ids.get(0)))
                                                .getSingleResult())
                                        .map(attempts -> new Claim(ids.get(0), attempts))));
    }

    /** SUBMITTED payouts, oldest first: each may have a transfer Stripe made and we never heard of. */
    public Uni<List<UUID>> submitted(int max) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id FROM {h-schema}payouts WHERE state = 'SUBMITTED' ORDER BY created_at, id "
                                        + "LIMIT :max",
                                UUID.class)
                        .setParameter("max", QueryPlans.notCached(max))
                        .getResultList());
    }

    /** SUBMITTED → PAID; false when it was not SUBMITTED any more (another run settled it). */
    public Uni<Boolean> markPaid(UUID id, String transferId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE {h-schema}payouts SET state = 'PAID', stripe_transfer_id = :t, "
                                + "paid_at = now(), updated_at = now() WHERE id = :id AND state = 'SUBMITTED'")
                        .setParameter("t", transferId)
                        .setParameter("id", id)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** SUBMITTED stays SUBMITTED, retried after {@code delay}; false when it was settled meanwhile. */
    public Uni<Boolean> retryLater(UUID id, Duration delay, String error) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE {h-schema}payouts SET next_attempt_at = now() + cast(:ms AS bigint) * interval '1 millisecond', "
                                        + "last_error = :e, updated_at = now() WHERE id = :id AND state = 'SUBMITTED'")
                        .setParameter("ms", delay.toMillis())
                        .setParameter("e", error)
                        .setParameter("id", id)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** An open payout → FAILED (its reservation ends); false when it was settled meanwhile. */
    public Uni<Boolean> markFailed(UUID id, String reason) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE {h-schema}payouts SET state = 'FAILED', failure_reason = :r, "
                                + "failed_at = now(), updated_at = now() WHERE id = :id "
                                + "AND state IN ('REQUESTED', 'SUBMITTED')")
                        .setParameter("r", reason)
                        .setParameter("id", id)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<List<Payout>> ofAffiliate(UUID affiliateId, int max) {
        return find("affiliateId = ?1 order by createdAt desc, id", affiliateId)
                .page(0, max)
                .list();
    }
}
