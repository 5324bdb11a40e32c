package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.FraudCase;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FraudCaseRepository implements PanacheRepositoryBase<FraudCase, UUID> {
    public Uni<FraudCase> lock(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}fraud_cases WHERE id = :id FOR UPDATE", FraudCase.class)
                        .setParameter("id", QueryPlans.notCached(id))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** The newest case of this kind about the referred user, in any status (null when none). */
    public Uni<FraudCase> newestAbout(UUID referredUserId, FraudCase.Kind kind) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT c.* FROM {h-schema}fraud_cases c JOIN "
                                        + "{h-schema}fraud_case_users u ON u.case_id = c.id WHERE u.referred_user_id = :u "
                                        + "AND c.kind = :k ORDER BY c.created_at DESC, c.id LIMIT 1",
                                FraudCase.class)
                        .setParameter("u", QueryPlans.notCached(referredUserId))
                        .setParameter("k", kind.name())
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** An OPEN case of any kind about the referred user (new commissions of theirs are held in it). */
    public Uni<FraudCase> openAbout(UUID referredUserId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT c.* FROM {h-schema}fraud_cases c JOIN "
                                        + "{h-schema}fraud_case_users u ON u.case_id = c.id WHERE u.referred_user_id = :u "
                                        + "AND c.status = 'OPEN' ORDER BY c.created_at, c.id LIMIT 1",
                                FraudCase.class)
                        .setParameter("u", QueryPlans.notCached(referredUserId))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<Integer> addUser(UUID caseId, UUID referredUserId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}fraud_case_users (case_id, referred_user_id) "
                                + "VALUES (:c, :u) ON CONFLICT DO NOTHING")
                        .setParameter("c", caseId)
                        .setParameter("u", referredUserId)
                        .executeUpdate());
    }

    /** The oldest OPEN case other than {@code except} about this referred user, or null. */
    public Uni<UUID> otherOpenCaseOf(UUID referredUserId, UUID except) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT c.id FROM {h-schema}fraud_cases c JOIN {h-schema}fraud_case_users u "
                                        + "ON u.case_id = c.id WHERE u.referred_user_id = :u AND c.status = 'OPEN' "
                                        + "AND c.id <> :c ORDER BY c.created_at LIMIT 1",
                                UUID.class)
                        .setParameter("u", QueryPlans.notCached(referredUserId))
                        .setParameter("c", except)
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<List<UUID>> usersOf(UUID caseId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT referred_user_id FROM {h-schema}fraud_case_users WHERE case_id = :c "
                                        + "ORDER BY referred_user_id",
                                UUID.class)
                        .setParameter("c", QueryPlans.notCached(caseId))
                        .getResultList());
    }

    public Uni<List<FraudCase>> newest(FraudCase.Status status, int max) {
        return (status == null
                        ? find("order by createdAt desc, id")
                        : find("status = ?1 order by createdAt desc, id", status))
                .page(0, max)
                .list();
    }

    /** Records an OPEN fill of a referred user; false when its id was seen before. */
    public Uni<Boolean> recordFill(
            UUID fillId,
            UUID userId,
            UUID affiliateId,
            String instrument,
            Side side,
            BigDecimal volume,
            Instant executedAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}referred_fills (fill_id, user_id, affiliate_id, "
                                + "instrument, side, volume, executed_at) VALUES (:f, :u, :a, :i, :s, :v, :t) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter("f", fillId)
                        .setParameter("u", userId)
                        .setParameter("a", affiliateId)
                        .setParameter("i", instrument)
                        .setParameter("s", side.name())
                        .setParameter("v", volume)
                        .setParameter("t", executedAt)
                        .executeUpdate())
                .map(n -> n > 0);
    }

    /**
     * Another referred user of the same affiliate who opened the opposite side of the instrument
     * within {@code window} of {@code at} with a volume within {@code tolerance} of the larger one.
     */
    public Uni<UUID> oppositeOpen(
            UUID affiliateId,
            UUID userId,
            String instrument,
            Side side,
            BigDecimal volume,
            Instant at,
            Duration window,
            BigDecimal tolerance) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT user_id FROM {h-schema}referred_fills WHERE affiliate_id = :a "
                                        + "AND user_id <> :u AND instrument = :i AND side <> :s "
                                        + "AND executed_at BETWEEN :from AND :to "
                                        + "AND abs(volume - :v) <= :tol * greatest(volume, :v) "
                                        + "ORDER BY executed_at LIMIT 1",
                                UUID.class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("u", userId)
                        .setParameter("i", instrument)
                        .setParameter("s", side.name())
                        .setParameter("v", volume)
                        .setParameter("from", at.minus(window))
                        .setParameter("to", at.plus(window))
                        .setParameter("tol", tolerance)
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }
}
