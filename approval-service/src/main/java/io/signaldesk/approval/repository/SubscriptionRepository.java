package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {
    public Uni<List<Subscription>> activeOfStrategy(String strategyId) {
        return list("strategyId = ?1 and cancelledAt is null", strategyId);
    }

    public Uni<List<Subscription>> activeOf(UUID userId) {
        return list("userId = ?1 and cancelledAt is null order by createdAt", userId);
    }

    public Uni<Long> countActive(UUID userId) {
        return count("userId = ?1 and cancelledAt is null", userId);
    }

    public Uni<Long> countActive(UUID userId, String strategyId) {
        return count("userId = ?1 and strategyId = ?2 and cancelledAt is null", userId, strategyId);
    }
}
