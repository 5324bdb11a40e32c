package io.signaldesk.reconciliation.messaging;

import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.TradeEvents.AccountSnapshot;
import io.signaldesk.platform.events.TradeEvents.FillReported;
import io.signaldesk.platform.events.TradeEvents.TerminalsSeen;
import io.signaldesk.platform.messaging.EventConsumer;
import io.signaldesk.reconciliation.service.AccountIntake;
import io.signaldesk.reconciliation.service.Changed;
import io.signaldesk.reconciliation.service.StatusCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * fills.v1 and account-snapshots.v1 (AccountSnapshot and TerminalsSeen): each event applied once (inbox), in its account's order on
 * its topic; after the commit the trader's cached status moves to the new version.
 */
@ApplicationScoped
public class AccountEventsConsumer {
    static final String FILLS = "reconciliation-service.fills";
    static final String SNAPSHOTS = "reconciliation-service.snapshots";

    private final EventConsumer events;
    private final AccountIntake intake;
    private final StatusCache cache;

    public AccountEventsConsumer(EventConsumer events, AccountIntake intake, StatusCache cache) {
        this.events = events;
        this.intake = intake;
        this.cache = cache;
    }

    @Incoming("fills")
    public Uni<Void> onFill(Message<String> msg) {
        Changed[] changed = new Changed[1];
        return events.consume(FILLS, msg, env -> {
                    if (!EventTypes.FILL_REPORTED.equals(env.type())) {
                        return Uni.createFrom().voidItem(); // not ours to act on; recorded in the inbox all the same
                    }
                    return intake.fill(events.data(env, FillReported.class))
                            .invoke(c -> changed[0] = c)
                            .replaceWithVoid();
                })
                .chain(() -> invalidate(changed[0]));
    }

    @Incoming("snapshots")
    public Uni<Void> onSnapshot(Message<String> msg) {
        List<Changed> changed = new ArrayList<>();
        return events.consume(SNAPSHOTS, msg, env -> {
                    changed.clear(); // a retried transaction starts over
                    if (EventTypes.TERMINALS_SEEN.equals(env.type())) {
                        return intake.seen(events.data(env, TerminalsSeen.class))
                                .invoke(changed::addAll)
                                .replaceWithVoid();
                    }
                    if (!EventTypes.ACCOUNT_SNAPSHOT.equals(env.type())) {
                        return Uni.createFrom().voidItem();
                    }
                    return intake.snapshot(events.data(env, AccountSnapshot.class))
                            .invoke(c -> {
                                if (c != null) {
                                    changed.add(c);
                                }
                            })
                            .replaceWithVoid();
                })
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Changed c : changed) {
                        chain = chain.chain(() -> invalidate(c));
                    }
                    return chain;
                });
    }

    private Uni<Void> invalidate(Changed c) {
        return c == null ? Uni.createFrom().voidItem() : cache.invalidate(c.userId(), c.version());
    }
}
