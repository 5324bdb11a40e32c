package io.signaldesk.approval.messaging;

import io.signaldesk.approval.service.TraderService;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** users.v1: every registered user gets a trader profile (once, however often Kafka delivers). */
@ApplicationScoped
public class UserEventsConsumer {
    static final String CONSUMER = "approval-service.users";

    private final EventConsumer events;
    private final TraderService traders;

    public UserEventsConsumer(EventConsumer events, TraderService traders) {
        this.events = events;
        this.traders = traders;
    }

    @Incoming("users")
    public Uni<Void> onUserEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (!EventTypes.USER_REGISTERED.equals(env.type())) {
                return Uni.createFrom().voidItem(); // not ours to act on; recorded in the inbox all the same
            }
            return traders.registered(events.data(env, UserRegistered.class));
        });
    }
}
