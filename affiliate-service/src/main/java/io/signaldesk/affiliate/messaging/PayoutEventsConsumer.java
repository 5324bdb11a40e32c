package io.signaldesk.affiliate.messaging;

import io.signaldesk.affiliate.service.PayoutOutcomes;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.MoneyEvents.PayoutFailed;
import io.signaldesk.platform.events.MoneyEvents.PayoutPaid;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** payouts.v1: paid payouts move the ledger, failed ones are recorded. */
@ApplicationScoped
public class PayoutEventsConsumer {
    static final String CONSUMER = "affiliate-service.payouts";

    private final EventConsumer events;
    private final PayoutOutcomes payouts;

    public PayoutEventsConsumer(EventConsumer events, PayoutOutcomes payouts) {
        this.events = events;
        this.payouts = payouts;
    }

    @Incoming("payouts")
    public Uni<Void> onPayout(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (EventTypes.PAYOUT_PAID.equals(env.type())) {
                return payouts.paid(events.data(env, PayoutPaid.class));
            }
            if (EventTypes.PAYOUT_FAILED.equals(env.type())) {
                return payouts.failed(events.data(env, PayoutFailed.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
