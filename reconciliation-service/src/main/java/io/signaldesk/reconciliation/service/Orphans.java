package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.TradeEvents.PositionCloseRequested;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.LogEntry;
import io.signaldesk.reconciliation.PositionFill;
import io.signaldesk.reconciliation.repository.AccountRepository;
import io.signaldesk.reconciliation.repository.DivergenceRepository;
import io.signaldesk.reconciliation.repository.LogRepository;
import io.signaldesk.reconciliation.repository.PositionFillRepository;
import io.signaldesk.reconciliation.repository.ReportedPositionRepository;
import io.signaldesk.reconciliation.repository.UserVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the trader decides about a position the broker reports and we did not open (an
 * UNEXPECTED_AT_BROKER divergence): adopt it (track it as ours from the snapshot that showed it)
 * or close it (approval-service queues a CLOSE for the ticket; the divergence resolves as CLOSED
 * when a snapshot no longer reports it).
 */
@ApplicationScoped
public class Orphans {
    public record Decided(Divergence divergence, Changed changed) {}

    private final DivergenceRepository divergences;
    private final AccountRepository accounts;
    private final ReportedPositionRepository reported;
    private final PositionFillRepository fills;
    private final LogRepository log;
    private final UserVersionRepository versions;
    private final Reconciler reconciler;
    private final Outbox outbox;

    public Orphans(
            DivergenceRepository divergences,
            AccountRepository accounts,
            ReportedPositionRepository reported,
            PositionFillRepository fills,
            LogRepository log,
            UserVersionRepository versions,
            Reconciler reconciler,
            Outbox outbox) {
        this.divergences = divergences;
        this.accounts = accounts;
        this.reported = reported;
        this.fills = fills;
        this.log = log;
        this.versions = versions;
        this.reconciler = reconciler;
        this.outbox = outbox;
    }

    public Uni<Decided> adopt(UUID userId, UUID divergenceId) {
        return Panache.withTransaction(() -> orphan(userId, divergenceId)
                .chain(d -> accounts.findById(d.deviceId) // locked by orphan()
                        .chain(a -> reported.of(a.deviceId).chain(positions -> {
                            var p = positions.stream()
                                    .filter(r -> r.ticket == d.ticket)
                                    .findFirst()
                                    .orElse(null);
                            if (p == null) {
                                return Uni.createFrom()
                                        .failure(ProblemException.conflict(
                                                "position-gone", "The broker no longer reports ticket " + d.ticket));
                            }
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            PositionFill f = new PositionFill();
                            f.fillId = UUID.randomUUID();
                            f.deviceId = a.deviceId;
                            f.ticket = p.ticket;
                            f.action = PositionFill.Action.OPEN;
                            f.source = PositionFill.Source.ADOPTED;
                            f.instrument = p.instrument;
                            f.side = p.side;
                            f.volume = p.volume;
                            f.price = p.openPrice;
                            f.executedAt = a.lastSnapshotAt; // ours as of the snapshot that showed it
                            d.resolvedAt = now;
                            d.resolution = Divergence.Resolution.ADOPTED;
                            return fills.persist(f)
                                    .chain(() -> log.persist(LogEntry.of(
                                            d,
                                            LogEntry.Event.ADOPTED,
                                            "adopted by user:" + userId + ": tracked as ours from now on",
                                            now)))
                                    .chain(() -> reconciler.reconcile(a))
                                    .chain(() -> versions.bump(userId))
                                    .map(v -> new Decided(d, new Changed(userId, v)));
                        }))));
    }

    /** Asking twice is answered the same; the CLOSE is requested once. */
    public Uni<Decided> close(UUID userId, UUID divergenceId) {
        return Panache.withTransaction(() -> orphan(userId, divergenceId).chain(d -> {
            if (d.closeRequestedAt != null) {
                return Uni.createFrom().item(new Decided(d, null));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.closeRequestedAt = now;
            return log.persist(LogEntry.of(d, LogEntry.Event.CLOSE_REQUESTED, "close requested by user:" + userId, now))
                    .chain(() -> outbox.enqueue(new PositionCloseRequested(
                            UUID.randomUUID(),
                            userId,
                            d.deviceId,
                            d.accountId,
                            d.ticket,
                            "closed from reconciliation by user:" + userId,
                            now)))
                    .chain(() -> versions.bump(userId))
                    .map(v -> new Decided(d, new Changed(userId, v)));
        }));
    }

    /**
     * The trader's open UNEXPECTED_AT_BROKER divergence, locked after its account: the order the
     * snapshot and fill consumers lock in, so a decision and a reconciliation of the same account
     * run one after the other (no lost close request, no deadlock).
     */
    private Uni<Divergence> orphan(UUID userId, UUID id) {
        return divergences
                .deviceOf(id)
                .chain(device -> device == null
                        ? Uni.createFrom().failure(ProblemException.notFound("divergence " + id))
                        : accounts.findForUpdate(device).chain(a -> divergences.findForUpdate(id)))
                .map(d -> {
                    if (d == null || !d.userId.equals(userId)) {
                        throw ProblemException.notFound("divergence " + id);
                    }
                    if (!d.open()) {
                        throw ProblemException.conflict(
                                "divergence-resolved", "This divergence was resolved (" + d.resolution + ")");
                    }
                    if (d.type != Divergence.Type.UNEXPECTED_AT_BROKER) {
                        throw ProblemException.conflict(
                                "not-an-orphan",
                                "Only a position the broker reports and we did not "
                                        + "open can be adopted or closed; this is " + d.type);
                    }
                    return d;
                });
    }
}
