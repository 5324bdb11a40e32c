package io.signaldesk.reconciliation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.TradeEvents.AccountSnapshot;
import io.signaldesk.platform.events.TradeEvents.FillAction;
import io.signaldesk.platform.events.TradeEvents.FillReported;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.Seen;
import io.signaldesk.platform.events.TradeEvents.TerminalsSeen;
import io.signaldesk.reconciliation.Account;
import io.signaldesk.reconciliation.GuardState;
import io.signaldesk.reconciliation.PositionFill;
import io.signaldesk.reconciliation.ReportedPosition;
import io.signaldesk.reconciliation.repository.AccountRepository;
import io.signaldesk.reconciliation.repository.GuardConfigRepository;
import io.signaldesk.reconciliation.repository.GuardStateRepository;
import io.signaldesk.reconciliation.repository.PositionFillRepository;
import io.signaldesk.reconciliation.repository.ReportedPositionRepository;
import io.signaldesk.reconciliation.repository.UserVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the terminals tell us, applied in the consumers' inbox transactions with the account row
 * locked: fills (fills.v1) and snapshots (account-snapshots.v1). A snapshot older than the newest
 * applied one is ignored; fills are kept whatever order they come in, and the comparison asks
 * what they add up to at the snapshot's time, so a fill arriving after a later snapshot still
 * counts where it belongs.
 */
@ApplicationScoped
public class AccountIntake {
    private static final Logger LOG = Logger.getLogger(AccountIntake.class);
    /** How far ahead of our clock a terminal's time may be before it is not believed. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final AccountRepository accounts;
    private final PositionFillRepository fills;
    private final ReportedPositionRepository reported;
    private final UserVersionRepository versions;
    private final Reconciler reconciler;
    private final Guards guards;
    private final GuardStateRepository guardStates;
    private final GuardConfigRepository configs;
    private final MeterRegistry metrics;

    public AccountIntake(
            AccountRepository accounts,
            PositionFillRepository fills,
            ReportedPositionRepository reported,
            UserVersionRepository versions,
            Reconciler reconciler,
            Guards guards,
            GuardStateRepository guardStates,
            GuardConfigRepository configs,
            MeterRegistry metrics) {
        this.accounts = accounts;
        this.fills = fills;
        this.reported = reported;
        this.versions = versions;
        this.reconciler = reconciler;
        this.guards = guards;
        this.guardStates = guardStates;
        this.configs = configs;
        this.metrics = metrics;
    }

    /** Returns the change to publish to the cache after commit, or null when the snapshot was stale. */
    public Uni<Changed> snapshot(AccountSnapshot e) {
        if (e.takenAt().isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
            // approval-service refuses these; one that got here anyway must not hide every later snapshot
            metrics.counter("signaldesk.reconciliation.snapshots", "applied", "future")
                    .increment();
            LOG.warnf(
                    "snapshot %s of %s taken at %s, in the future: ignored", e.snapshotId(), e.deviceId(), e.takenAt());
            return Uni.createFrom().nullItem();
        }
        return accounts.ensureForUpdate(e.deviceId(), e.userId(), e.accountId()).chain(a -> {
            if (!a.userId.equals(e.userId())) {
                LOG.warnf(
                        "snapshot %s names user %s for device %s of user %s: ignored",
                        e.snapshotId(), e.userId(), e.deviceId(), a.userId);
                return Uni.createFrom().nullItem();
            }
            if (a.lastSnapshotAt != null && !e.takenAt().isAfter(a.lastSnapshotAt)) {
                metrics.counter("signaldesk.reconciliation.snapshots", "applied", "false")
                        .increment();
                LOG.debugf(
                        "snapshot %s of %s taken %s is not newer than %s: ignored",
                        e.snapshotId(), e.deviceId(), e.takenAt(), a.lastSnapshotAt);
                return Uni.createFrom().nullItem();
            }
            metrics.counter("signaldesk.reconciliation.snapshots", "applied", "true")
                    .increment();
            a.currency = e.currency();
            a.balance = e.balance();
            a.equity = e.equity();
            a.lastSnapshotId = e.snapshotId();
            a.lastSnapshotAt = e.takenAt();
            List<ReportedPosition> positions = e.positions().stream()
                    .map(p -> {
                        ReportedPosition r = new ReportedPosition();
                        r.id = UUID.randomUUID();
                        r.deviceId = a.deviceId;
                        r.ticket = p.ticket();
                        r.instrument = p.instrument();
                        r.side = p.side();
                        r.volume = p.volume();
                        r.openPrice = p.openPrice();
                        r.profit = p.profit();
                        return r;
                    })
                    .toList();
            return reported.deleteOf(a.deviceId)
                    .chain(() -> Panache.getSession().chain(s -> s.persistAll(positions.toArray())))
                    .chain(() -> guards.evaluate(a, e.takenAt()))
                    .chain(() -> reconciler.reconcile(a))
                    .chain(() -> versions.bump(a.userId))
                    .map(v -> new Changed(a.userId, v));
        });
    }

    /**
     * Terminals that kept reporting the state of their last published snapshot: where the account
     * holds that very snapshot, its {@code lastSeenAt} moves on (the stale-terminal guard and the
     * status count from it) and what a repeat of it changes is applied as of {@code seenAt}: a
     * stale-terminal guard clears, a new trading day starts, thresholds set since the snapshot are
     * evaluated. The positions and the fills are not compared again: they are the same, and after an
     * acked fill approval-service publishes the snapshots until one taken after it. Returns the
     * changes to publish to the cache after commit, a user once.
     */
    public Uni<List<Changed>> seen(TerminalsSeen e) {
        Instant latest = Instant.now().plus(FUTURE_TOLERANCE);
        Map<UUID, Seen> byDevice = new HashMap<>();
        for (Seen s : e.terminals()) {
            if (s.seenAt().isAfter(latest)) {
                LOG.warnf("terminal %s seen at %s, in the future: ignored", s.deviceId(), s.seenAt());
                continue;
            }
            byDevice.merge(s.deviceId(), s, (x, y) -> x.seenAt().isAfter(y.seenAt()) ? x : y);
        }
        return accounts.findForUpdate(byDevice.keySet())
                .chain(found -> guardStates
                        .ofDevices(byDevice.keySet())
                        .chain(states -> configs.ofDevices(byDevice.keySet()).chain(cfgs -> {
                            Set<UUID> staleGuarded = new HashSet<>();
                            for (GuardState g : states) {
                                if (g.kind == GuardKind.STALE_TERMINAL) {
                                    staleGuarded.add(g.deviceId);
                                }
                            }
                            Map<UUID, Instant> configuredAt = new HashMap<>();
                            cfgs.forEach(c -> configuredAt.put(c.deviceId, c.updatedAt));
                            Set<UUID> users = new HashSet<>();
                            int moved = 0;
                            List<Account> evaluate = new ArrayList<>();
                            for (Account a : found) {
                                Seen s = byDevice.get(a.deviceId);
                                if (!a.userId.equals(s.userId())) {
                                    LOG.warnf(
                                            "terminals-seen %s names user %s for device %s of user %s: ignored",
                                            e.reportId(), s.userId(), a.deviceId, a.userId);
                                    continue;
                                }
                                // only a repeat of the state held here says the terminal is alive in it: one
                                // of a snapshot not applied yet (its partition behind, its event dead-lettered)
                                // must not hide that from the stale-terminal guard
                                if (a.lastSnapshotAt == null || !a.lastSnapshotAt.equals(s.snapshotTakenAt())) {
                                    continue;
                                }
                                if (!s.seenAt().isAfter(a.lastReportedAt())) {
                                    continue; // told already, by a snapshot or an earlier report
                                }
                                a.lastSeenAt = s.seenAt();
                                moved++;
                                users.add(a.userId);
                                Instant configured = configuredAt.get(a.deviceId);
                                boolean newDay =
                                        a.dayEndsAt != null && !s.seenAt().isBefore(a.dayEndsAt);
                                boolean reconfigured = configured != null && configured.isAfter(a.lastSnapshotAt);
                                if (newDay || reconfigured || staleGuarded.contains(a.deviceId)) {
                                    evaluate.add(a);
                                }
                            }
                            metrics.counter("signaldesk.reconciliation.terminals.seen")
                                    .increment(moved);
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Account a : evaluate) {
                                chain = chain.chain(() -> guards.evaluate(a, a.lastSeenAt));
                            }
                            return chain.chain(() -> versions.bumpAll(users))
                                    .map(bumped -> bumped.entrySet().stream()
                                            .map(v -> new Changed(v.getKey(), v.getValue()))
                                            .toList());
                        })));
    }

    public Uni<Changed> fill(FillReported e) {
        return accounts.ensureForUpdate(e.deviceId(), e.userId(), e.accountId()).chain(a -> {
            if (!a.userId.equals(e.userId())) {
                LOG.warnf(
                        "fill %s names user %s for device %s of user %s: ignored",
                        e.fillId(), e.userId(), e.deviceId(), a.userId);
                return Uni.createFrom().nullItem();
            }
            PositionFill f = new PositionFill();
            f.fillId = e.fillId();
            f.deviceId = a.deviceId;
            f.ticket = e.ticket();
            f.action = e.action() == FillAction.OPEN ? PositionFill.Action.OPEN : PositionFill.Action.CLOSE;
            f.source = PositionFill.Source.FILL;
            f.commandId = e.commandId();
            f.instrument = e.instrument();
            f.side = e.side();
            f.volume = e.volume();
            f.price = e.price();
            // a terminal whose clock runs ahead: its fill counts from when we heard of it
            Instant latest = Instant.now().plus(FUTURE_TOLERANCE);
            f.executedAt = e.executedAt().isAfter(latest) ? Instant.now() : e.executedAt();
            metrics.counter("signaldesk.reconciliation.fills", "action", f.action.name())
                    .increment();
            return fills.persist(f)
                    .chain(() -> reconciler.reconcile(a))
                    .chain(() -> versions.bump(a.userId))
                    .map(v -> new Changed(a.userId, v));
        });
    }
}
