package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {
    /**
     * The active subscriptions a signal of the strategy goes to: none once the strategy is retired (a
     * strategy not yet known here is taken as live). One query, where a strategy lookup and then the
     * subscriptions were two round trips on the signal's way to the terminals.
     */
    public Uni<List<Subscription>> askedBySignalOf(String strategyId) {
        return list(
                "strategyId = ?1 and cancelledAt is null and not exists "
                        + "(select 1 from StrategyInfo i where i.strategyId = ?1 and i.retiredAt is not null)",
                strategyId);
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
