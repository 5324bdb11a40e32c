package io.signaldesk.signal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.signaldesk.signal.Candle;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@ApplicationScoped
public class CandleRepository implements PanacheRepositoryBase<Candle, Candle.Key> {

    /** Stored bars of the market with open time in [from, to], oldest first. */
    public Uni<List<Candle>> between(String instrument, String timeframe, Instant from, Instant to) {
        return list(
                "id.instrument = ?1 and id.timeframe = ?2 and id.openTime >= ?3 and id.openTime <= ?4 order by id.openTime",
                instrument,
                timeframe,
                from,
                to);
    }

    /** The newest {@code limit} bars opened before {@code before} (null: any), oldest first. */
    public Uni<List<Candle>> latest(String instrument, String timeframe, Instant before, int limit) {
        var q = before == null
                ? find("id.instrument = ?1 and id.timeframe = ?2 order by id.openTime desc", instrument, timeframe)
                : find(
                        "id.instrument = ?1 and id.timeframe = ?2 and id.openTime < ?3 order by id.openTime desc",
                        instrument,
                        timeframe,
                        before);
        return q.page(Page.ofSize(limit)).list().map(l -> {
            List<Candle> asc = new ArrayList<>(l);
            Collections.reverse(asc);
            return asc;
        });
    }

    /** Open time of the newest stored bar of the market, null when there is none. */
    public Uni<Instant> newestTime(String instrument, String timeframe) {
        return getSession()
                .chain(s -> s.createSelectionQuery(
                                "select max(c.id.openTime) from Candle c where c.id.instrument = ?1 and c.id.timeframe = ?2",
                                Instant.class)
                        .setParameter(1, instrument)
                        .setParameter(2, timeframe)
                        .getSingleResultOrNull());
    }
}
