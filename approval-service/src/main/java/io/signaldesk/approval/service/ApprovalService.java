package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.signaldesk.approval.AccountState;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.SignalRecord;
import io.signaldesk.approval.StrategyInfo;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.ea.CommandWakeup;
import io.signaldesk.platform.events.TradeEvents.SignalPublished;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pending approvals from signals, decisions with an audit trail, and the commands they create.
 * Wake-ups for EAs are sent only after the transaction that created the command has committed.
 */
@ApplicationScoped
public class ApprovalService {
    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final CommandWakeup wakeup;
    private final MeterRegistry metrics;
    private final Duration openCommandGrace;

    public ApprovalService(CommandWakeup wakeup, MeterRegistry metrics, ApprovalConfig config) {
        this.wakeup = wakeup;
        this.metrics = metrics;
        this.openCommandGrace = config.openCommandGrace();
    }

    /**
     * Applies SignalPublished (inside the inbox transaction): the signal, then one PENDING approval
     * per active subscriber (auto-approved when the subscription says so). Returns devices to wake.
     */
    public Uni<List<UUID>> onSignal(SignalPublished e) {
        SignalRecord s = new SignalRecord();
        s.signalId = e.signalId();
        s.strategyId = e.strategyId();
        s.instrument = e.instrument();
        s.side = e.side().name();
        s.entry = e.entry();
        s.stopLoss = e.stopLoss();
        s.takeProfit = e.takeProfit();
        s.expiresAt = e.expiresAt();
        s.rationale = e.rationale();
        s.receivedAt = Instant.now();
        List<UUID> toWake = new ArrayList<>();
        if (!e.expiresAt().isAfter(Instant.now())) {
            return s.persist().replaceWith(toWake); // arrived expired: kept, nobody is asked
        }
        // Three reads (subscribers, their devices, those devices' equity), then every insert in one
        // batched flush: no per-subscriber round trips between the signal and the EA's command.
        return s.persist()
                .chain(() -> StrategyInfo.<StrategyInfo>findById(e.strategyId()))
                .chain(strategy -> strategy != null && !strategy.live() ? Uni.createFrom().item(List.<Subscription>of()) // retired: nobody is asked
                        : Subscription.<Subscription>find("strategyId = ?1 and cancelledAt is null", e.strategyId()).list())
                .chain(subs -> {
                    if (subs.isEmpty()) {
                        return Uni.createFrom().item(toWake);
                    }
                    List<UUID> users = subs.stream().map(x -> x.userId).distinct().toList();
                    return activeDevices(users)
                            .chain(devices -> (devices.isEmpty() ? Uni.createFrom().item(List.<AccountState>of())
                                    : AccountState.<AccountState>find("deviceId in ?1", devices.stream().map(d -> d.id).toList()).list())
                                    .chain(states -> {
                                        Map<UUID, BigDecimal> equity = new HashMap<>();
                                        states.forEach(st -> equity.put(st.deviceId, st.equity));
                                        List<Object> rows = new ArrayList<>();
                                        for (Subscription sub : subs) {
                                            Device device = pickDevice(devices, sub);
                                            UUID wake = newApproval(s, sub, device, device == null ? null : equity.get(device.id), rows);
                                            if (wake != null) {
                                                toWake.add(wake);
                                            }
                                        }
                                        return persistBatched(rows);
                                    }))
                            .replaceWith(toWake);
                });
    }

    /**
     * Inserts the fan-out's rows with JDBC batching for this session only: all approvals, then all
     * history entries, then all commands (foreign keys point backwards), so each kind goes to
     * Postgres as one batched statement instead of one round trip per row. Batching stays off
     * everywhere else (see docs/performance.md on what global batching with ordered inserts did).
     */
    private static Uni<Void> persistBatched(List<Object> rows) {
        List<Object> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparingInt(r -> r instanceof Approval ? 0 : r instanceof ApprovalHistory ? 1 : 2));
        return Panache.getSession().chain(session -> {
            Integer before = session.getBatchSize();
            session.setBatchSize(Math.min(Math.max(ordered.size(), 2), 200));
            return session.persistAll(ordered.toArray()).call(session::flush)
                    .eventually(() -> session.setBatchSize(before == null ? 1 : before)); // 1: no batching
        });
    }

    /**
     * The device a subscription trades on: the one it names, only while active (never another
     * broker account than the trader chose), or else the trader's oldest active device.
     */
    static Device pickDevice(List<Device> activeDevices, Subscription sub) {
        for (Device d : activeDevices) {
            if (d.userId.equals(sub.userId) && (sub.deviceId == null || d.id.equals(sub.deviceId))) {
                return d; // oldest first
            }
        }
        return null;
    }

    private static Uni<List<Device>> activeDevices(List<UUID> users) {
        return Device.<Device>find("userId in ?1 and revokedAt is null order by createdAt", users).list();
    }

    /** Builds (does not persist) the approval, its history and, when auto-approved, the command. */
    private UUID newApproval(SignalRecord s, Subscription sub, Device device, BigDecimal equity, List<Object> rows) {
        Approval a = new Approval();
        a.id = UUID.randomUUID();
        a.signalId = s.signalId;
        a.userId = sub.userId;
        a.subscriptionId = sub.id;
        a.status = Approval.Status.PENDING.name();
        a.volume = Sizing.volume(sub, s.instrument, s.entry, s.stopLoss, equity);
        a.expiresAt = s.expiresAt;
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean auto = sub.autoApprove && device != null && sub.autoApproveMaxVolume != null
                && a.volume.compareTo(sub.autoApproveMaxVolume) <= 0;
        metrics.counter("signaldesk.approvals.created", "auto", Boolean.toString(auto)).increment();
        rows.add(a);
        rows.add(ApprovalHistory.of(a.id, null, "PENDING", "system", "signal " + s.signalId, a.volume));
        if (!auto) {
            return null;
        }
        rows.addAll(decision(a, Approval.Status.APPROVED, "system:auto-approve",
                "auto-approved (volume " + a.volume + " <= " + sub.autoApproveMaxVolume + ")", a.volume, device, s,
                openCommandGrace));
        return device.id;
    }

    /**
     * Moves a (managed or new) PENDING approval to a decision and builds the rows that go with it:
     * the history entry and, for APPROVED, the OPEN command for the device.
     */
    private static List<Object> decision(Approval a, Approval.Status to, String actor, String reason, BigDecimal volume,
                                         Device device, SignalRecord s, Duration grace) {
        String from = a.status;
        a.status = to.name();
        a.volume = volume;
        a.decidedAt = Instant.now();
        List<Object> rows = new ArrayList<>(2);
        rows.add(ApprovalHistory.of(a.id, from, to.name(), actor, reason, volume));
        if (to == Approval.Status.APPROVED) {
            Command c = new Command();
            c.id = UUID.randomUUID();
            c.deviceId = device.id;
            c.userId = a.userId;
            c.approvalId = a.id;
            c.type = Command.Type.OPEN.name();
            c.instrument = s.instrument;
            c.side = s.side;
            c.volume = volume;
            c.entry = s.entry;
            c.stopLoss = s.stopLoss;
            c.takeProfit = s.takeProfit;
            c.status = Command.Status.PENDING.name();
            c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            c.expiresAt = s.expiresAt.plus(grace);
            rows.add(c);
        }
        return rows;
    }

    /** Decides a managed approval and persists what goes with it; returns the device to wake (or null). */
    private Uni<UUID> decide(Approval a, Approval.Status to, String actor, String reason, BigDecimal volume,
                             Device device, SignalRecord s) {
        List<Object> rows = decision(a, to, actor, reason, volume, device, s, openCommandGrace);
        return Panache.getSession().chain(session -> session.persistAll(rows.toArray()))
                .replaceWith(to == Approval.Status.APPROVED ? device.id : null);
    }

    public Uni<Approval> approve(UUID userId, UUID approvalId, BigDecimal requestedVolume) {
        return Panache.withTransaction(() -> pendingOwned(userId, approvalId).chain(a ->
                        Subscription.<Subscription>findById(a.subscriptionId).chain(sub ->
                                activeDevices(List.of(userId)).map(devices -> pickDevice(devices, sub)).chain(device -> {
                                    if (device == null) {
                                        return Uni.createFrom().failure(ProblemException.unprocessable("no-device",
                                                "Register an EA device before approving trades"));
                                    }
                                    BigDecimal volume = requestedVolume == null ? a.volume : requestedVolume;
                                    if (volume.compareTo(sub.maxVolume) > 0) {
                                        return Uni.createFrom().failure(ProblemException.unprocessable("volume-above-max",
                                                "volume " + volume + " is above your maximum " + sub.maxVolume));
                                    }
                                    return SignalRecord.<SignalRecord>findById(a.signalId).chain(s ->
                                            decide(a, Approval.Status.APPROVED, "user:" + userId, "approved", volume, device, s));
                                }))
                                .map(device -> new Object[]{a, device})))
                .call(pair -> wakeup.publish((UUID) pair[1]))
                .invoke(pair -> metrics.counter("signaldesk.approvals.decided", "decision", "APPROVED").increment())
                .map(pair -> (Approval) pair[0]);
    }

    public Uni<Approval> reject(UUID userId, UUID approvalId, String reason) {
        return Panache.withTransaction(() -> pendingOwned(userId, approvalId).chain(a ->
                        decide(a, Approval.Status.REJECTED, "user:" + userId, reason == null ? "rejected" : reason, a.volume, null, null)
                                .replaceWith(a)))
                .invoke(a -> metrics.counter("signaldesk.approvals.decided", "decision", "REJECTED").increment());
    }

    /** The caller's approval, still PENDING and not past its expiry; locked against a concurrent decision. */
    private Uni<Approval> pendingOwned(UUID userId, UUID approvalId) {
        return Approval.<Approval>findById(approvalId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(a -> {
            if (a == null || !a.userId.equals(userId)) {
                return Uni.createFrom().failure(ProblemException.notFound("approval " + approvalId));
            }
            if (!Approval.Status.PENDING.name().equals(a.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("approval-decided",
                        "This approval is already " + a.status));
            }
            if (!a.expiresAt.isAfter(Instant.now())) {
                return Uni.createFrom().failure(ProblemException.conflict("approval-expired", "This approval has expired"));
            }
            return Uni.createFrom().item(a);
        });
    }

    public Uni<List<Approval>> list(UUID userId, Approval.Status status, int page, int size) {
        return Panache.withSession(() -> (status == null
                ? Approval.<Approval>find("userId = ?1 order by createdAt desc", userId)
                : Approval.<Approval>find("userId = ?1 and status = ?2 order by createdAt desc", userId, status.name()))
                .page(page, size).list());
    }

    public Uni<Approval> get(UUID userId, UUID id) {
        return Panache.withSession(() -> Approval.<Approval>findById(id)).map(a -> {
            if (a == null || !a.userId.equals(userId)) {
                throw ProblemException.notFound("approval " + id);
            }
            return a;
        });
    }

    public Uni<List<ApprovalHistory>> history(UUID userId, UUID id) {
        return get(userId, id).chain(a -> Panache.withSession(() ->
                ApprovalHistory.<ApprovalHistory>find("approvalId = ?1 order by at", id).list()));
    }

    public Uni<Command> command(UUID approvalId) {
        return Panache.withSession(() -> Command.<Command>find("approvalId", approvalId).firstResult());
    }

    public Uni<SignalRecord> signal(UUID signalId) {
        return Panache.withSession(() -> SignalRecord.findById(signalId));
    }

    /** Wake the devices whose commands a committed transaction created. */
    public Uni<Void> wake(List<UUID> devices) {
        return Multi.createFrom().iterable(devices).onItem().transformToUniAndConcatenate(wakeup::publish).collect().last();
    }

    @Scheduled(every = "${approval.expiry-sweep:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireDue() {
        return Panache.withTransaction(() -> expire("expires_at <= now()", null, "system", "expired")
                        .invoke(n -> {
                            if (n > 0) {
                                metrics.counter("signaldesk.approvals.decided", "decision", "EXPIRED").increment(n);
                                LOG.debugf("expired %d approvals", n);
                            }
                        })
                        .chain(ApprovalService::expireStaleOpenCommands)
                        .invoke(n -> {
                            if (n > 0) {
                                metrics.counter("signaldesk.ea.commands.expired").increment(n);
                                LOG.infof("expired %d OPEN commands that no EA collected before their signal expired", n);
                            }
                        }))
                .replaceWithVoid()
                .onFailure().invoke(t -> LOG.warnf("expiry sweep failed: %s", t.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * OPEN commands past their expiry that no EA holds a live lease on become EXPIRED, with an entry in
     * their approval's history saying why: never collected (never executed), or collected but not
     * confirmed (the terminal may have traded: a late ack is still accepted and recorded). The lease
     * query never hands them out (see EaService).
     */
    static Uni<Integer> expireStaleOpenCommands() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "WITH expired AS (UPDATE {h-schema}commands SET status = 'EXPIRED', lease_until = NULL "
                                + "WHERE type = 'OPEN' AND expires_at <= now() AND acked_at IS NULL "
                                + "AND (status = 'PENDING' OR (status = 'LEASED' AND lease_until < now())) "
                                + "RETURNING approval_id, volume, delivery_count) "
                                + "INSERT INTO {h-schema}approval_history (id, approval_id, from_status, to_status, actor, reason, volume, at) "
                                + "SELECT gen_random_uuid(), approval_id, 'APPROVED', 'APPROVED', 'system', "
                                + "CASE WHEN delivery_count = 0 THEN 'not executed: the terminal did not collect the trade before the signal expired' "
                                + "ELSE 'unconfirmed: the terminal received the trade but did not confirm it before the signal expired; "
                                + "check the terminal' END, volume, now() "
                                + "FROM expired WHERE approval_id IS NOT NULL")
                .executeUpdate());
    }

    /**
     * Marks matching PENDING approvals EXPIRED and writes their history in one statement.
     * {@code condition} may use one parameter {@code :p}.
     */
    static Uni<Integer> expire(String condition, Object param, String actor, String reason) {
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery(
                        "WITH expired AS (UPDATE {h-schema}approvals SET status = 'EXPIRED', decided_at = now() "
                                + "WHERE status = 'PENDING' AND " + condition + " RETURNING id, volume) "
                                + "INSERT INTO {h-schema}approval_history (id, approval_id, from_status, to_status, actor, reason, volume, at) "
                                + "SELECT gen_random_uuid(), id, 'PENDING', 'EXPIRED', :actor, :reason, volume, now() FROM expired")
                    .setParameter("actor", actor)
                    .setParameter("reason", reason);
            if (param != null) {
                q.setParameter("p", param);
            }
            return q.executeUpdate();
        });
    }
}
