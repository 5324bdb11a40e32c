package io.signaldesk.approval.messaging;

import io.signaldesk.approval.StrategyInfo;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.StrategyEvents.StrategyCreated;
import io.signaldesk.platform.events.StrategyEvents.StrategyRetired;
import io.signaldesk.platform.events.StrategyEvents.StrategyUpdated;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * strategies.v1: the strategies traders may follow. Created and updated strategies are upserted;
 * a retirement is final (a later update does not bring a strategy back). Events of one strategy
 * share a partition, so they arrive in order.
 */
@ApplicationScoped
public class StrategyEventsConsumer {
    static final String CONSUMER = "approval-service.strategies";

    private final EventConsumer events;

    public StrategyEventsConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("strategies")
    public Uni<Void> onStrategyEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (EventTypes.STRATEGY_CREATED.equals(env.type())) {
                StrategyCreated e = events.data(env, StrategyCreated.class);
                return upsert(e.strategyId().toString(), e.name(), e.kind(), e.instrument(), e.timeframe(), e.createdAt());
            }
            if (EventTypes.STRATEGY_UPDATED.equals(env.type())) {
                StrategyUpdated e = events.data(env, StrategyUpdated.class);
                return upsert(e.strategyId().toString(), e.name(), e.kind(), e.instrument(), e.timeframe(), e.updatedAt());
            }
            if (EventTypes.STRATEGY_RETIRED.equals(env.type())) {
                StrategyRetired e = events.data(env, StrategyRetired.class);
                String id = e.strategyId().toString();
                Instant at = e.retiredAt();
                return StrategyInfo.<StrategyInfo>findById(id).chain(s -> {
                    if (s == null) { // retired before we heard of it: remember it as retired
                        s = new StrategyInfo();
                        s.strategyId = id;
                        s.name = id;
                        s.kind = "UNKNOWN";
                        s.instrument = "UNKNOWN";
                        s.timeframe = "UNKNOWN";
                        s.retiredAt = at;
                        s.updatedAt = at;
                        return s.persist().replaceWithVoid();
                    }
                    if (s.retiredAt == null) {
                        s.retiredAt = at;
                        s.updatedAt = at;
                    }
                    return Uni.createFrom().voidItem();
                });
            }
            return Uni.createFrom().voidItem(); // not ours to act on; recorded in the inbox all the same
        });
    }

    /** Every field is there: {@link EventConsumer#data} refuses an event that lacks one as poison. */
    private static Uni<Void> upsert(String id, String name, String kind, String instrument, String timeframe, Instant at) {
        return StrategyInfo.<StrategyInfo>findById(id).chain(s -> {
            StrategyInfo row = s == null ? new StrategyInfo() : s;
            row.strategyId = id;
            row.name = name;
            row.kind = kind;
            row.instrument = instrument;
            row.timeframe = timeframe;
            row.updatedAt = at;
            return s == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
