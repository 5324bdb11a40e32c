package io.signaldesk.approval.messaging;

import io.signaldesk.approval.service.ApprovalService;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.TradeEvents.SignalPublished;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** signals.v1: every subscriber of the strategy gets one approval per signal, however often Kafka delivers it. */
@ApplicationScoped
public class SignalEventsConsumer {
    static final String CONSUMER = "approval-service.signals";

    private final EventConsumer events;
    private final ApprovalService approvals;

    public SignalEventsConsumer(EventConsumer events, ApprovalService approvals) {
        this.events = events;
        this.approvals = approvals;
    }

    @Incoming("signals")
    public Uni<Void> onSignalEvent(Message<String> msg) {
        List<UUID> toWake = new ArrayList<>();
        return events.consume(CONSUMER, msg, env -> {
                    if (!EventTypes.SIGNAL_PUBLISHED.equals(env.type())) {
                        return Uni.createFrom().voidItem();
                    }
                    return approvals.onSignal(events.data(env, SignalPublished.class)).invoke(toWake::addAll);
                })
                // auto-approved commands exist now that the transaction has committed: wake their EAs
                .chain(() -> approvals.wake(toWake));
    }
}
