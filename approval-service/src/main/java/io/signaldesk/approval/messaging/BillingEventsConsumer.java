package io.signaldesk.approval.messaging;

import io.signaldesk.approval.service.Entitlements;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.MoneyEvents.SubscriptionChanged;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** billing.v1: SubscriptionChanged sets the user's device and subscription limits; payments are not ours. */
@ApplicationScoped
public class BillingEventsConsumer {
    static final String CONSUMER = "approval-service.billing";

    private final EventConsumer events;
    private final Entitlements entitlements;

    public BillingEventsConsumer(EventConsumer events, Entitlements entitlements) {
        this.events = events;
        this.entitlements = entitlements;
    }

    @Incoming("billing")
    public Uni<Void> onBillingEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (!EventTypes.SUBSCRIPTION_CHANGED.equals(env.type())) {
                return Uni.createFrom().voidItem(); // PaymentSucceeded / PaymentRefunded: recorded in the inbox only
            }
            return entitlements.changed(events.data(env, SubscriptionChanged.class));
        });
    }
}
