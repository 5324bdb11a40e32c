package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.Referral;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {
    /** The referral of a user, its row locked for the transaction (null when the user was not referred). */
    public Uni<Referral> lockOf(UUID referredUserId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}referrals WHERE referred_user_id = :u FOR UPDATE",
                                Referral.class)
                        .setParameter("u", QueryPlans.notCached(referredUserId))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<Long> countOf(UUID affiliateId) {
        return count("affiliateId", affiliateId);
    }

    public Uni<Long> payingOf(UUID affiliateId) {
        return count("affiliateId = ?1 and firstPaidAt is not null", affiliateId);
    }

    /** Remembers a card fingerprint a user paid with. */
    public Uni<Integer> recordFingerprint(UUID userId, String fingerprint) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}payment_fingerprints (user_id, fingerprint) "
                                + "VALUES (:u, :f) ON CONFLICT DO NOTHING")
                        .setParameter("u", userId)
                        .setParameter("f", fingerprint)
                        .executeUpdate());
    }

    /** Whether {@code userId} ever paid with {@code fingerprint}. */
    public Uni<Boolean> paidWith(UUID userId, String fingerprint) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM {h-schema}payment_fingerprints "
                                + "WHERE user_id = :u AND fingerprint = :f")
                        .setParameter("u", QueryPlans.notCached(userId))
                        .setParameter("f", fingerprint)
                        .getSingleResult())
                .map(n -> ((Number) n).longValue() > 0);
    }

    /** Signups per UTC month since {@code from}: rows of ("YYYY-MM", count). */
    public Uni<List<Object[]>> monthly(UUID affiliateId, Instant from) {
        return perMonth("referrals", "referred_at", affiliateId, from);
    }

    /** Clicks per UTC month since {@code from}. */
    public Uni<List<Object[]>> monthlyClicks(UUID affiliateId, Instant from) {
        return perMonth("clicks", "clicked_at", affiliateId, from);
    }

    private static Uni<List<Object[]>> perMonth(String table, String at, UUID affiliateId, Instant from) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT to_char(date_trunc('month', " + at + " AT TIME ZONE 'UTC'), "
                                        + "'YYYY-MM'), count(*) FROM {h-schema}" + table
                                        + " WHERE affiliate_id = :a AND " + at
                                        + " >= :f GROUP BY 1",
                                Object[].class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .setParameter("f", from)
                        .getResultList());
    }
}
