package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.AccountStateRepository;
import io.signaldesk.platform.events.TradeEvents.TerminalsSeen;
import io.signaldesk.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every {@code approval.snapshots.seen-interval}: the terminals whose latest snapshot only repeated
 * their last published one are reported as seen, up to {@link #BATCH} in one TerminalsSeen, written to
 * the outbox in the transaction that takes them (so each is reported once). Safe on several replicas:
 * rows another replica is taking are skipped.
 */
@ApplicationScoped
public class TerminalsSeenReporter {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(TerminalsSeenReporter.class);

    private final AccountStateRepository accounts;
    private final Outbox outbox;
    private final ApprovalConfig config;
    private final MeterRegistry metrics;

    public TerminalsSeenReporter(
            AccountStateRepository accounts, Outbox outbox, ApprovalConfig config, MeterRegistry metrics) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        scheduler
                .newJob("terminals-seen")
                .setInterval(config.snapshots().seenInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> report())
                .schedule();
    }

    /** Reports every due terminal, a batch per transaction, until fewer than a batch were due. */
    Uni<Void> report() {
        return batch().chain(n -> n < BATCH ? Uni.createFrom().voidItem() : report())
                .onFailure()
                .invoke(t -> LOG.warnf("terminals-seen report failed: %s", t.toString()))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Integer> batch() {
        return Panache.withTransaction(() -> accounts.takeSeen(BATCH).chain(seen -> {
                    if (seen.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return outbox.enqueue(new TerminalsSeen(UUID.randomUUID(), seen, Instant.now()))
                            .replaceWith(seen.size());
                }))
                .invoke(n ->
                        metrics.counter("signaldesk.ea.terminals.seen.reported").increment(n));
    }
}
