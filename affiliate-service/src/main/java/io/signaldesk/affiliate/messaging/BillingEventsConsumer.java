package io.signaldesk.affiliate.messaging;

import io.signaldesk.affiliate.service.Commissions;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.MoneyEvents.PaymentRefunded;
import io.signaldesk.platform.events.MoneyEvents.PaymentSucceeded;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** billing.v1: commissions on payments of referred users, clawbacks on their refunds and disputes. */
@ApplicationScoped
public class BillingEventsConsumer {
    static final String CONSUMER = "affiliate-service.billing";

    private final EventConsumer events;
    private final Commissions commissions;

    public BillingEventsConsumer(EventConsumer events, Commissions commissions) {
        this.events = events;
        this.commissions = commissions;
    }

    @Incoming("billing")
    public Uni<Void> onBillingEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (EventTypes.PAYMENT_SUCCEEDED.equals(env.type())) {
                return commissions.paid(events.data(env, PaymentSucceeded.class));
            }
            if (EventTypes.PAYMENT_REFUNDED.equals(env.type())) {
                return commissions.refunded(events.data(env, PaymentRefunded.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
