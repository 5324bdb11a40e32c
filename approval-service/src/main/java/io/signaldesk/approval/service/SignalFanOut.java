package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.SignalRecord;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.AccountGuardRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.approval.repository.SignalRecordRepository;
import io.signaldesk.approval.repository.SubscriptionRepository;
import io.signaldesk.platform.events.TradeEvents.SignalPublished;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A published signal becomes one PENDING approval per active subscriber of its strategy (or an
 * approved command at once, when the subscription auto-approves it and no guard blocks the device's
 * account). Runs inside the inbox transaction of the signals.v1 consumer; the devices to wake are
 * returned so the consumer wakes them after the commit.
 */
@ApplicationScoped
public class SignalFanOut {
    private final SignalRecordRepository signals;
    private final SubscriptionRepository subscriptions;
    private final DeviceRepository devices;
    private final AccountGuardRepository guards;
    private final TelegramAlerts alerts;
    private final MeterRegistry metrics;
    private final Duration openCommandGrace;

    public SignalFanOut(
            SignalRecordRepository signals,
            SubscriptionRepository subscriptions,
            DeviceRepository devices,
            AccountGuardRepository guards,
            TelegramAlerts alerts,
            MeterRegistry metrics,
            ApprovalConfig config) {
        this.signals = signals;
        this.subscriptions = subscriptions;
        this.devices = devices;
        this.guards = guards;
        this.alerts = alerts;
        this.metrics = metrics;
        this.openCommandGrace = config.openCommandGrace();
    }

    /** Stores the signal and its approvals; returns the devices that got a command. */
    public Uni<List<UUID>> onSignal(SignalPublished e) {
        return onSignal(e, new ArrayList<>());
    }

    /**
     * The same, adding each new approval's state to {@code changes} for the owners' live streams
     * (published by the caller after the commit).
     */
    public Uni<List<UUID>> onSignal(SignalPublished e, List<ApprovalStreams.Change> changes) {
        SignalRecord s = new SignalRecord();
        s.signalId = e.signalId();
        s.strategyId = e.strategyId();
        s.instrument = e.instrument();
        s.side = e.side();
        s.entry = e.entry();
        s.stopLoss = e.stopLoss();
        s.takeProfit = e.takeProfit();
        s.expiresAt = e.expiresAt();
        s.rationale = e.rationale();
        s.receivedAt = Instant.now();
        s.publishedAt = e.publishedAt();
        List<UUID> toWake = new ArrayList<>();
        if (!e.expiresAt().isAfter(Instant.now())) {
            return signals.persist(s).replaceWith(toWake); // arrived expired: kept, nobody is asked
        }
        // Two reads (the subscribers, unless the strategy is retired; their devices with each one's
        // equity), two more when someone auto-approves (their devices held against a guard change, then those devices'
        // blocking
        // guards), then every insert in one batched flush: no per-subscriber round trips between the
        // signal and the EA's command.
        return signals.persist(s)
                .chain(() -> subscriptions.askedBySignalOf(e.strategyId()))
                .chain(subs -> {
                    if (subs.isEmpty()) {
                        return Uni.createFrom().item(toWake);
                    }
                    List<UUID> users =
                            subs.stream().map(x -> x.userId).distinct().toList();
                    return devices.activeWithAccountsOf(users)
                            .chain(withAccounts -> {
                                List<Device> active = withAccounts.stream()
                                        .map(DeviceRepository.WithAccount::device)
                                        .toList();
                                Map<UUID, BigDecimal> equity = new HashMap<>();
                                withAccounts.stream()
                                        .filter(w -> w.account() != null)
                                        .forEach(w -> equity.put(w.device().id, w.account().equity));
                                return blockedAutoApprovers(subs, active).chain(blocked -> {
                                    List<Object> rows = new ArrayList<>();
                                    for (Subscription sub : subs) {
                                        Device device = Decisions.pickDevice(active, sub);
                                        UUID wake = newApproval(
                                                s,
                                                sub,
                                                device,
                                                device == null ? null : equity.get(device.id),
                                                device == null ? null : blocked.get(device.id),
                                                rows);
                                        if (wake != null) {
                                            toWake.add(wake);
                                        }
                                    }
                                    // the PENDING ones (not auto-approved) are announced to linked
                                    // traders' chats, in this same transaction
                                    List<Approval> pending = rows.stream()
                                            .filter(r -> r instanceof Approval a && a.status == Approval.Status.PENDING)
                                            .map(r -> (Approval) r)
                                            .toList();
                                    rows.stream()
                                            .filter(r -> r instanceof Approval)
                                            .map(r -> (Approval) r)
                                            .forEach(a -> changes.add(new ApprovalStreams.Change(
                                                    a.userId,
                                                    a.id,
                                                    a.status,
                                                    a.status == Approval.Status.APPROVED
                                                            ? Command.Status.PENDING
                                                            : null)));
                                    return persistBatched(rows).chain(() -> alerts.approvalsCreated(s, pending));
                                });
                            })
                            .replaceWith(toWake);
                });
    }

    /**
     * The blocking guards of the devices auto-approving subscriptions would trade on, by device. Those
     * devices are held against a concurrent guard change first (as a trader's approve does), so an
     * auto-approval never passes on a block committed meanwhile.
     */
    private Uni<Map<UUID, List<AccountGuard>>> blockedAutoApprovers(List<Subscription> subs, List<Device> active) {
        List<UUID> auto = subs.stream()
                .filter(x -> x.autoApprove)
                .map(x -> Decisions.pickDevice(active, x))
                .filter(Objects::nonNull)
                .map(d -> d.id)
                .distinct()
                .toList();
        if (auto.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return devices.lockForDecision(auto)
                .chain(() -> guards.blockingOf(auto))
                .map(list -> list.stream().collect(Collectors.groupingBy(g -> g.deviceId)));
    }

    /**
     * Builds (does not persist) the approval, its history and, when auto-approved, the command. A
     * device a guard blocks ({@code blocking} not empty) is not auto-approved onto: the approval stays
     * PENDING and its history says why.
     */
    private UUID newApproval(
            SignalRecord s,
            Subscription sub,
            Device device,
            BigDecimal equity,
            List<AccountGuard> blocking,
            List<Object> rows) {
        Approval a = new Approval();
        a.id = UUID.randomUUID();
        a.signalId = s.signalId;
        a.userId = sub.userId;
        a.subscriptionId = sub.id;
        a.status = Approval.Status.PENDING;
        a.volume = Sizing.volume(sub, s.instrument, s.entry, s.stopLoss, equity);
        a.expiresAt = s.expiresAt;
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean eligible = sub.autoApprove
                && device != null
                && sub.autoApproveMaxVolume != null
                && a.volume.compareTo(sub.autoApproveMaxVolume) <= 0;
        boolean blocked = blocking != null && !blocking.isEmpty();
        boolean auto = eligible && !blocked;
        metrics.counter("signaldesk.approvals.created", "auto", Boolean.toString(auto))
                .increment();
        rows.add(a);
        String reason = "signal " + s.signalId;
        if (eligible && blocked) {
            metrics.counter("signaldesk.approvals.refused", "reason", "account-blocked")
                    .increment();
            reason += "; not auto-approved: the account is blocked by " + AccountGuards.describe(blocking);
        }
        rows.add(ApprovalHistory.of(a.id, null, Approval.Status.PENDING, "system", reason, a.volume));
        if (!auto) {
            return null;
        }
        for (Object row : Decisions.decide(
                a,
                Approval.Status.APPROVED,
                "system:auto-approve",
                "auto-approved (volume " + a.volume + " <= " + sub.autoApproveMaxVolume + ")",
                a.volume,
                device,
                s,
                openCommandGrace)) {
            if (row instanceof Command c) {
                c.signalPublishedAt = s.publishedAt; // nobody waited on a trader: time the whole path
            }
            rows.add(row);
        }
        return device.id;
    }

    /**
     * Inserts the fan-out's rows with JDBC batching for this session only: all approvals, then all
     * history entries, then all commands (foreign keys point backwards), so each kind goes to
     * Postgres as one batched statement instead of one round trip per row. Batching stays off
     * everywhere else (see docs/performance.md on what global batching with ordered inserts did).
     */
    private static Uni<Void> persistBatched(List<Object> rows) {
        List<Object> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(r -> r instanceof Approval ? 0 : r instanceof ApprovalHistory ? 1 : 2));
        return Panache.getSession().chain(session -> {
            Integer before = session.getBatchSize();
            session.setBatchSize(Math.min(Math.max(ordered.size(), 2), 200));
            return session.persistAll(ordered.toArray())
                    .call(session::flush)
                    .eventually(() -> session.setBatchSize(before == null ? 1 : before)); // 1: no batching
        });
    }
}
