package io.signaldesk.approval.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.ApprovalRepository;
import io.signaldesk.approval.repository.CommandRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The expiry sweep: PENDING approvals whose signal expired become EXPIRED, and approved OPEN commands
 * no terminal collected (or confirmed) before their signal expired plus the grace become EXPIRED,
 * each with its history entry saying why. Set-based statements, safe on several replicas at once
 * (a row moves once: the UPDATE's WHERE no longer matches it). Each sweep also looks at how long the
 * oldest guard command (CLOSE, CLOSE_ALL) has waited for its terminal: the "guards stuck" alert.
 */
@ApplicationScoped
public class ExpiringApprovals {
    private static final Logger LOG = Logger.getLogger(ExpiringApprovals.class);

    private final ApprovalRepository approvals;
    private final CommandRepository commands;
    private final MeterRegistry metrics;
    private final ApprovalConfig config;
    private final ApprovalStreams streams;
    private final AtomicReference<Double> oldestOutstandingClose = new AtomicReference<>(0.0);

    public ExpiringApprovals(
            ApprovalRepository approvals,
            CommandRepository commands,
            MeterRegistry metrics,
            ApprovalConfig config,
            ApprovalStreams streams) {
        this.streams = streams;
        this.approvals = approvals;
        this.commands = commands;
        this.metrics = metrics;
        this.config = config;
        Gauge.builder("signaldesk.guards.oldest.outstanding", oldestOutstandingClose, AtomicReference::get)
                .description("How long the oldest CLOSE or CLOSE_ALL has waited for its terminal's ack; 0 when none")
                .baseUnit("seconds")
                .register(metrics);
    }

    /** Every {@code approval.expiry-sweep}; a sweep still running when the next is due is skipped, not doubled. */
    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        scheduler
                .newJob("approval-expiry-sweep")
                .setInterval(config.expirySweep().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> sweep())
                .schedule();
    }

    Uni<Void> sweep() {
        List<ApprovalStreams.Change> changes = new ArrayList<>();
        return Panache.withTransaction(() -> approvals
                        .expireDue()
                        .invoke(moved -> {
                            changes.clear(); // a retried transaction starts over
                            int n = moved.size();
                            moved.forEach(m -> changes.add(new ApprovalStreams.Change(
                                    m.userId(), m.approvalId(), Approval.Status.EXPIRED, null)));
                            if (n > 0) {
                                metrics.counter(
                                                "signaldesk.approvals.decided",
                                                "decision",
                                                Approval.Status.EXPIRED.name())
                                        .increment(n);
                                LOG.debugf("expired %d approvals", n);
                            }
                        })
                        .chain(commands::expireStaleOpen)
                        .invoke(expired -> {
                            int n = expired.size();
                            expired.forEach(m -> changes.add(new ApprovalStreams.Change(
                                    m.userId(), m.approvalId(), Approval.Status.APPROVED, Command.Status.EXPIRED)));
                            if (n > 0) {
                                metrics.counter("signaldesk.ea.commands.expired")
                                        .increment(n);
                                LOG.infof(
                                        "expired %d OPEN commands that no EA collected before their signal expired", n);
                            }
                        })
                        .chain(commands::oldestOutstandingCloseSeconds)
                        .invoke(oldestOutstandingClose::set))
                .chain(() -> streams.publish(changes)) // committed: tell the owners' consoles
                .replaceWithVoid()
                .onFailure()
                .invoke(t -> LOG.warnf("expiry sweep failed: %s", t.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
