package io.signaldesk.signal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.signal.Strategy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class StrategyRepository implements PanacheRepositoryBase<Strategy, UUID> {
    public Uni<Strategy> findByNameIgnoreCase(String name) {
        return find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResult();
    }

    public Uni<List<Strategy>> listByName() {
        return list("order by name");
    }

    /** The strategies of this kind trading the market that are not retired, by id. */
    public Uni<List<Strategy>> listActive(Strategy.Kind kind, String instrument, String timeframe) {
        return list(
                "kind = ?1 and retiredAt is null and instrument = ?2 and timeframe = ?3 order by id",
                kind,
                instrument,
                timeframe);
    }
}
