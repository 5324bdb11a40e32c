package io.signaldesk.approval.messaging;

import io.signaldesk.approval.service.StrategyCatalog;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.StrategyEvents.StrategyCreated;
import io.signaldesk.platform.events.StrategyEvents.StrategyRetired;
import io.signaldesk.platform.events.StrategyEvents.StrategyUpdated;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * strategies.v1: the strategies traders may follow. Created and updated strategies are upserted;
 * a retirement is final (a later update does not bring a strategy back). Events of one strategy
 * share a partition, so they arrive in order.
 */
@ApplicationScoped
public class StrategyEventsConsumer {
    static final String CONSUMER = "approval-service.strategies";

    private final EventConsumer events;
    private final StrategyCatalog catalog;

    public StrategyEventsConsumer(EventConsumer events, StrategyCatalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    /** Every field is there: {@link EventConsumer#data} refuses an event that lacks one as poison. */
    @Incoming("strategies")
    public Uni<Void> onStrategyEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (EventTypes.STRATEGY_CREATED.equals(env.type())) {
                StrategyCreated e = events.data(env, StrategyCreated.class);
                return catalog.upsert(
                        e.strategyId().toString(), e.name(), e.kind(), e.instrument(), e.timeframe(), e.createdAt());
            }
            if (EventTypes.STRATEGY_UPDATED.equals(env.type())) {
                StrategyUpdated e = events.data(env, StrategyUpdated.class);
                return catalog.upsert(
                        e.strategyId().toString(), e.name(), e.kind(), e.instrument(), e.timeframe(), e.updatedAt());
            }
            if (EventTypes.STRATEGY_RETIRED.equals(env.type())) {
                StrategyRetired e = events.data(env, StrategyRetired.class);
                return catalog.retire(e.strategyId().toString(), e.retiredAt());
            }
            return Uni.createFrom().voidItem(); // not ours to act on; recorded in the inbox all the same
        });
    }
}
