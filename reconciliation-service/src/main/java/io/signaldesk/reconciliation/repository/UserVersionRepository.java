package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The per-trader change counter the status cache is versioned by. */
@ApplicationScoped
public class UserVersionRepository {
    /** Raises the trader's version in the caller's transaction; returns the new one. */
    public Uni<Long> bump(UUID userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}user_versions (user_id, version) VALUES (:u, 1) "
                                        + "ON CONFLICT (user_id) DO UPDATE SET version = user_versions.version + 1 "
                                        + "RETURNING version",
                                Long.class)
                        .setParameter("u", QueryPlans.notCached(userId))
                        .getSingleResult());
    }

    /**
     * Raises each trader's version in the caller's transaction, in user id order (so two transactions
     * raising several cannot deadlock); returns the new versions in that order.
     */
    public Uni<java.util.Map<UUID, Long>> bumpAll(java.util.Collection<UUID> userIds) {
        java.util.Map<UUID, Long> bumped = new java.util.LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID u : new java.util.TreeSet<>(userIds)) {
            chain = chain.chain(() -> bump(u).invoke(v -> bumped.put(u, v)).replaceWithVoid());
        }
        return chain.replaceWith(bumped);
    }

    /** The trader's version now (0 before any change). */
    public Uni<Long> current(UUID userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT coalesce((SELECT version FROM {h-schema}user_versions WHERE user_id = :u), 0)",
                                Long.class)
                        .setParameter("u", QueryPlans.notCached(userId))
                        .getSingleResult());
    }
}
