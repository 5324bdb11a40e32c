package io.signaldesk.reconciliation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.TradeEvents.DivergenceDetected;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.reconciliation.Account;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.LogEntry;
import io.signaldesk.reconciliation.PositionFill;
import io.signaldesk.reconciliation.ReportedPosition;
import io.signaldesk.reconciliation.config.ReconciliationConfig;
import io.signaldesk.reconciliation.repository.DivergenceRepository;
import io.signaldesk.reconciliation.repository.PositionFillRepository;
import io.signaldesk.reconciliation.repository.PositionFillRepository.Expected;
import io.signaldesk.reconciliation.repository.ReportedPositionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what we expect an account to hold at its newest snapshot's time (its fills up to then)
 * with what that snapshot reports, and keeps the open divergences and the log in step: each new
 * divergence is DETECTED once, each one that no longer holds is RESOLVED once. Runs in the caller's
 * transaction with the account row locked, after every applied snapshot and every fill.
 */
@ApplicationScoped
public class Reconciler {
    private record Key(Divergence.Type type, long ticket) {}

    private final PositionFillRepository fills;
    private final ReportedPositionRepository reported;
    private final DivergenceRepository divergences;
    private final BigDecimal priceTolerance;
    private final MeterRegistry metrics;
    private final Outbox outbox;

    public Reconciler(
            PositionFillRepository fills,
            ReportedPositionRepository reported,
            DivergenceRepository divergences,
            ReconciliationConfig config,
            MeterRegistry metrics,
            Outbox outbox) {
        this.outbox = outbox;
        this.fills = fills;
        this.reported = reported;
        this.divergences = divergences;
        this.priceTolerance = config.priceTolerance();
        this.metrics = metrics;
    }

    public Uni<Void> reconcile(Account a) {
        if (a.lastSnapshotAt == null) {
            return Uni.createFrom().voidItem(); // nothing reported yet: nothing to compare with
        }
        Instant t = a.lastSnapshotAt;
        return Panache.getSession()
                .chain(session -> session.flush())
                .chain(() -> fills.expectedAt(a.deviceId, t))
                .chain(expected -> reported.of(a.deviceId)
                        .chain(positions -> divergences.openOf(a.deviceId).chain(open -> {
                            List<Object> rows = new ArrayList<>();
                            Map<Key, String> wanted = compare(a, t, expected, positions, rows);
                            Set<Long> reported = new HashSet<>();
                            positions.forEach(p -> reported.add(p.ticket));
                            List<Object> all = diff(a, open, wanted, reported, rows);
                            return Panache.getSession()
                                    .chain(s -> s.persistAll(all.toArray()))
                                    .chain(() -> announce(all));
                        })));
    }

    /** Each new divergence is published once (DivergenceDetected, through the outbox) for the trader's alerts. */
    private Uni<Void> announce(List<Object> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object row : rows) {
            if (row instanceof Divergence d && d.resolvedAt == null) {
                chain = chain.chain(() -> outbox.enqueue(new DivergenceDetected(
                                d.id,
                                d.userId,
                                d.deviceId,
                                d.accountId,
                                d.type.name(),
                                d.ticket,
                                d.details,
                                d.detectedAt))
                        .replaceWithVoid());
            }
        }
        return chain;
    }

    /** The divergences that hold now, by type and ticket, with their details. */
    private Map<Key, String> compare(
            Account a, Instant t, List<Expected> expected, List<ReportedPosition> positions, List<Object> rows) {
        Map<Long, ReportedPosition> byTicket = new LinkedHashMap<>();
        positions.forEach(p -> byTicket.put(p.ticket, p));
        Map<Key, String> wanted = new LinkedHashMap<>();
        int stillOpen = 0;
        for (Expected e : expected) {
            ReportedPosition r = byTicket.remove(e.ticket());
            if (r == null) {
                // only in snapshots taken after the trigger: what was already missing then stays a divergence
                if (a.closeAllRequestedAt != null && t.isAfter(a.closeAllRequestedAt)) {
                    rows.add(closedByCloseAll(a, e, t)); // a guard's CLOSE_ALL closed it: expected
                    continue;
                }
                wanted.put(
                        new Key(Divergence.Type.MISSING_AT_BROKER, e.ticket()),
                        "we expect " + describe(e) + "; the broker does not report it");
                stillOpen++;
                continue;
            }
            stillOpen++;
            if (r.volume.compareTo(e.volume()) != 0) {
                wanted.put(
                        new Key(Divergence.Type.VOLUME_MISMATCH, e.ticket()),
                        "we expect volume " + plain(e.volume()) + ", the broker reports " + plain(r.volume));
            }
            if (e.openPrice() != null && priceOff(e.openPrice(), r.openPrice)) {
                wanted.put(
                        new Key(Divergence.Type.PRICE_MISMATCH, e.ticket()),
                        "we expect open price " + plain(e.openPrice()) + ", the broker reports " + plain(r.openPrice));
            }
        }
        for (ReportedPosition r : byTicket.values()) {
            wanted.put(
                    new Key(Divergence.Type.UNEXPECTED_AT_BROKER, r.ticket),
                    "the broker reports " + plain(r.volume) + " " + r.instrument + " " + r.side + " at "
                            + plain(r.openPrice) + " that is not ours");
        }
        if (a.closeAllRequestedAt != null && stillOpen == 0) {
            a.closeAllRequestedAt = null; // everything it was for is closed
        }
        return wanted;
    }

    private List<Object> diff(
            Account a, List<Divergence> open, Map<Key, String> wanted, Set<Long> reported, List<Object> rows) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<Key, Divergence> current = new HashMap<>();
        for (Divergence d : open) {
            Key k = new Key(d.type, d.ticket);
            if (wanted.containsKey(k)) {
                current.put(k, d);
                continue;
            }
            d.resolvedAt = now;
            // CLOSED only when the broker no longer reports it (not when it turned out to be ours)
            d.resolution = d.closeRequestedAt != null
                            && d.type == Divergence.Type.UNEXPECTED_AT_BROKER
                            && !reported.contains(d.ticket)
                    ? Divergence.Resolution.CLOSED
                    : Divergence.Resolution.RECONCILED;
            rows.add(LogEntry.of(
                    d,
                    LogEntry.Event.RESOLVED,
                    d.resolution == Divergence.Resolution.CLOSED
                            ? "closed at the broker as requested"
                            : "the broker and we agree again",
                    now));
            metrics.counter("signaldesk.reconciliation.divergences.resolved", "type", d.type.name())
                    .increment();
        }
        wanted.forEach((k, details) -> {
            if (current.containsKey(k)) {
                return;
            }
            Divergence d = new Divergence();
            d.id = UUID.randomUUID();
            d.userId = a.userId;
            d.deviceId = a.deviceId;
            d.accountId = a.accountId;
            d.type = k.type();
            d.ticket = k.ticket();
            d.details = "ticket " + k.ticket() + ": " + details;
            d.detectedAt = now;
            rows.add(d);
            rows.add(LogEntry.of(d, LogEntry.Event.DETECTED, d.details, now));
            metrics.counter("signaldesk.reconciliation.divergences.detected", "type", d.type.name())
                    .increment();
        });
        return rows;
    }

    private boolean priceOff(BigDecimal ours, BigDecimal theirs) {
        if (ours.signum() == 0) {
            return theirs.signum() != 0;
        }
        BigDecimal relative = ours.subtract(theirs).abs().divide(ours, MathContext.DECIMAL64);
        return relative.compareTo(priceTolerance) > 0;
    }

    private static PositionFill closedByCloseAll(Account a, Expected e, Instant t) {
        PositionFill f = new PositionFill();
        f.fillId = UUID.randomUUID();
        f.deviceId = a.deviceId;
        f.ticket = e.ticket();
        f.action = PositionFill.Action.CLOSE;
        f.source = PositionFill.Source.CLOSE_ALL;
        f.instrument = e.instrument();
        f.side = e.side();
        f.volume = null; // the whole position
        f.executedAt = t;
        return f;
    }

    private static String describe(Expected e) {
        return plain(e.volume()) + " " + e.instrument() + " " + e.side()
                + (e.openPrice() == null ? "" : " at " + plain(e.openPrice()));
    }

    static String plain(BigDecimal d) {
        return d == null ? "?" : d.stripTrailingZeros().toPlainString();
    }
}
