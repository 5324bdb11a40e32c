package io.signaldesk.affiliate.messaging;

import io.signaldesk.affiliate.service.SignupService;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** users.v1: records each signup with its referral code and fingerprint, exactly once. */
@ApplicationScoped
public class UserEventsConsumer {
    static final String CONSUMER = "affiliate-service.users";

    private final EventConsumer events;
    private final SignupService signups;

    public UserEventsConsumer(EventConsumer events, SignupService signups) {
        this.events = events;
        this.signups = signups;
    }

    @Incoming("users")
    public Uni<Void> onUserEvent(Message<String> msg) {
        return events.consume(CONSUMER, msg, env -> {
            if (!EventTypes.USER_REGISTERED.equals(env.type())) {
                return Uni.createFrom().voidItem();
            }
            return signups.registered(events.data(env, UserRegistered.class));
        });
    }
}
