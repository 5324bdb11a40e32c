package io.signaldesk.approval.messaging;

import io.signaldesk.approval.service.AccountGuards;
import io.signaldesk.approval.service.ApprovalStreams;
import io.signaldesk.approval.service.CommandWakeup;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.TradeEvents.DivergenceDetected;
import io.signaldesk.platform.events.TradeEvents.GuardCleared;
import io.signaldesk.platform.events.TradeEvents.GuardTriggered;
import io.signaldesk.platform.events.TradeEvents.PositionCloseRequested;
import io.signaldesk.platform.messaging.EventConsumer;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * guards.v1: a guard at BLOCK or CLOSE_ALL blocks the device's account (CLOSE_ALL also queues one
 * CLOSE_ALL command), a cleared guard unblocks its kind, a close request queues a CLOSE of its ticket.
 * Applied once per event (inbox); the device is woken after the commit when a command was queued.
 */
@ApplicationScoped
public class GuardEventsConsumer {
    static final String CONSUMER = "approval-service.guards";

    private final EventConsumer events;
    private final AccountGuards guards;
    private final CommandWakeup wakeup;
    private final ApprovalStreams streams;

    public GuardEventsConsumer(
            EventConsumer events, AccountGuards guards, CommandWakeup wakeup, ApprovalStreams streams) {
        this.streams = streams;
        this.events = events;
        this.guards = guards;
        this.wakeup = wakeup;
    }

    /** Every field is there: {@link EventConsumer#data} refuses an event that lacks one as poison. */
    @Incoming("guards")
    public Uni<Void> onGuardEvent(Message<String> msg) {
        AtomicReference<UUID> toWake = new AtomicReference<>();
        List<ApprovalStreams.Change> changes = new ArrayList<>();
        return events.consume(CONSUMER, msg, env -> {
                    toWake.set(null); // a retried attempt decides again
                    changes.clear();
                    if (EventTypes.GUARD_TRIGGERED.equals(env.type())) {
                        return guards.triggered(events.data(env, GuardTriggered.class), changes)
                                .invoke(toWake::set);
                    }
                    if (EventTypes.GUARD_CLEARED.equals(env.type())) {
                        return guards.cleared(events.data(env, GuardCleared.class));
                    }
                    if (EventTypes.DIVERGENCE_DETECTED.equals(env.type())) {
                        return guards.divergenceDetected(events.data(env, DivergenceDetected.class));
                    }
                    if (EventTypes.POSITION_CLOSE_REQUESTED.equals(env.type())) {
                        PositionCloseRequested e = events.data(env, PositionCloseRequested.class);
                        if (e.ticket() <= 0) {
                            throw new PoisonEventException(
                                    env.type() + " " + env.id() + " has no ticket to close (" + e.ticket() + ")", null);
                        }
                        return guards.closeRequested(e).invoke(toWake::set);
                    }
                    return Uni.createFrom().voidItem(); // not ours to act on; recorded in the inbox all the same
                })
                // the queued command exists now that the transaction has committed: wake the device's EA
                .chain(() -> toWake.get() == null ? Uni.createFrom().voidItem() : wakeup.publish(toWake.get()))
                // ...and the traders' consoles see the approved trades the block withdrew
                .chain(() -> streams.publish(changes));
    }
}
