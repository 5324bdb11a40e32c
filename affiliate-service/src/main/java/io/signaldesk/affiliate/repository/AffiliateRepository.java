package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.Affiliate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AffiliateRepository implements PanacheRepositoryBase<Affiliate, UUID> {
    public Uni<Affiliate> byCode(String code) {
        return find("referralCode", code).firstResult();
    }

    /**
     * Makes the user an affiliate with {@code code} unless they already are one.
     *
     * @return 1 when created, 0 when the user was already an affiliate (or the code was taken: the
     *     caller tells the two apart by reading the user's row)
     */
    public Uni<Integer> insertIfAbsent(UUID userId, String code, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}affiliates (user_id, referral_code, created_at) "
                                + "VALUES (:u, :c, :t) ON CONFLICT DO NOTHING")
                        .setParameter("u", userId)
                        .setParameter("c", code)
                        .setParameter("t", now)
                        .executeUpdate());
    }
}
