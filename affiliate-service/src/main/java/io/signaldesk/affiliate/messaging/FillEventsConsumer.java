package io.signaldesk.affiliate.messaging;

import io.signaldesk.affiliate.service.FraudCases;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.TradeEvents.FillReported;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** fills.v1: open fills of referred users, for the wash trade check. */
@ApplicationScoped
public class FillEventsConsumer {
    static final String CONSUMER = "affiliate-service.fills";

    private final EventConsumer events;
    private final FraudCases fraud;

    public FillEventsConsumer(EventConsumer events, FraudCases fraud) {
        this.events = events;
        this.fraud = fraud;
    }

    @Incoming("fills")
    public Uni<Void> onFill(Message<String> msg) {
        return events.consume(
                CONSUMER,
                msg,
                env -> EventTypes.FILL_REPORTED.equals(env.type())
                        ? fraud.filled(events.data(env, FillReported.class))
                        : Uni.createFrom().voidItem());
    }
}
