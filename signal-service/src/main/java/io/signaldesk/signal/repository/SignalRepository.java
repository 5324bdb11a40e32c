package io.signaldesk.signal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.signaldesk.platform.events.Side;
import io.signaldesk.signal.Signal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<Signal, UUID> {

    /** Filters of the list endpoint; null means "any". {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(UUID strategyId, String instrument, Side side, Instant from, Instant to) {}

    public record PageOf(List<Signal> items, long total) {}

    public Uni<Signal> findByProducerAndClientId(UUID producerId, String clientSignalId) {
        return find("producerId = ?1 and clientSignalId = ?2", producerId, clientSignalId)
                .firstResult();
    }

    /** The engine's signal for this strategy and bar, null when there is none. */
    public Uni<Signal> findByStrategyAndCandleTime(UUID strategyId, Instant candleTime) {
        return find("strategyId = ?1 and candleTime = ?2", strategyId, candleTime)
                .firstResult();
    }

    /** Newest first. Runs the page query and the count one after the other in the caller's session. */
    public Uni<PageOf> search(Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.strategyId() != null) {
            where.add("strategyId = :strategyId");
            params.and("strategyId", f.strategyId());
        }
        if (f.instrument() != null) {
            where.add("instrument = :instrument");
            params.and("instrument", f.instrument());
        }
        if (f.side() != null) {
            where.add("side = :side");
            params.and("side", f.side());
        }
        if (f.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.add("createdAt < :to");
            params.and("to", f.to());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        Sort newestFirst = Sort.descending("createdAt", "id");
        return find(query, newestFirst, params)
                .page(Page.of(page, size))
                .list()
                .chain(items -> count(query, params).map(total -> new PageOf(items, total)));
    }
}
