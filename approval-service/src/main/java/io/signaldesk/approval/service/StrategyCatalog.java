package io.signaldesk.approval.service;

import io.signaldesk.approval.StrategyInfo;
import io.signaldesk.approval.repository.StrategyInfoRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The strategies traders may follow, projected from strategies.v1 (in the consumer's inbox
 * transaction). Created and updated strategies are upserted; a retirement is final (a later update
 * does not bring a strategy back).
 */
@ApplicationScoped
public class StrategyCatalog {
    private final StrategyInfoRepository strategies;

    public StrategyCatalog(StrategyInfoRepository strategies) {
        this.strategies = strategies;
    }

    public Uni<Void> upsert(String id, String name, String kind, String instrument, String timeframe, Instant at) {
        return strategies.findById(id).chain(s -> {
            StrategyInfo row = s == null ? new StrategyInfo() : s;
            row.strategyId = id;
            row.name = name;
            row.kind = kind;
            row.instrument = instrument;
            row.timeframe = timeframe;
            row.updatedAt = at;
            return s == null
                    ? strategies.persist(row).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> retire(String id, Instant at) {
        return strategies.findById(id).chain(s -> {
            if (s == null) { // retired before we heard of it: remember it as retired
                s = new StrategyInfo();
                s.strategyId = id;
                s.name = id;
                s.kind = "UNKNOWN";
                s.instrument = "UNKNOWN";
                s.timeframe = "UNKNOWN";
                s.retiredAt = at;
                s.updatedAt = at;
                return strategies.persist(s).replaceWithVoid();
            }
            if (s.retiredAt == null) {
                s.retiredAt = at;
                s.updatedAt = at;
            }
            return Uni.createFrom().voidItem();
        });
    }
}
