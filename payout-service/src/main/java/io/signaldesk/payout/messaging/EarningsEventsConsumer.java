package io.signaldesk.payout.messaging;

import io.signaldesk.payout.service.EarningsLedger;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.MoneyEvents.EarningsReleased;
import io.signaldesk.platform.events.MoneyEvents.EarningsReversed;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** commissions.v1: released earnings add to the payable balance, reversals subtract; each event once. */
@ApplicationScoped
public class EarningsEventsConsumer {
    static final String CONSUMER = "payout-service.commissions";

    private final EventConsumer events;
    private final EarningsLedger ledger;

    public EarningsEventsConsumer(EventConsumer events, EarningsLedger ledger) {
        this.events = events;
        this.ledger = ledger;
    }

    @Incoming("commissions")
    public Uni<Void> onCommissionEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (EventTypes.EARNINGS_RELEASED.equals(env.type())) {
                return ledger.released(events.data(env, EarningsReleased.class));
            }
            if (EventTypes.EARNINGS_REVERSED.equals(env.type())) {
                return ledger.reversed(events.data(env, EarningsReversed.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
