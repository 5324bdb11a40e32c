package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.AccountGuardRepository;
import io.signaldesk.approval.repository.ApprovalRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.approval.repository.SignalRecordRepository;
import io.signaldesk.approval.repository.SubscriptionRepository;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A trader approves (optionally with another volume) or rejects one of their PENDING approvals. The
 * approval row is locked, so two decisions cannot both pass; the EA is woken only after the
 * transaction that created its command has committed. An account a guard blocks takes no approval;
 * a reject always works.
 */
@ApplicationScoped
public class ApprovalDecisions {
    private final ApprovalRepository approvals;
    private final SubscriptionRepository subscriptions;
    private final DeviceRepository devices;
    private final SignalRecordRepository signals;
    private final AccountGuardRepository guards;
    private final CommandWakeup wakeup;
    private final ApprovalStreams streams;
    private final MeterRegistry metrics;
    private final Duration openCommandGrace;

    public ApprovalDecisions(
            ApprovalRepository approvals,
            SubscriptionRepository subscriptions,
            DeviceRepository devices,
            SignalRecordRepository signals,
            AccountGuardRepository guards,
            CommandWakeup wakeup,
            ApprovalStreams streams,
            MeterRegistry metrics,
            ApprovalConfig config) {
        this.streams = streams;
        this.approvals = approvals;
        this.subscriptions = subscriptions;
        this.devices = devices;
        this.signals = signals;
        this.guards = guards;
        this.wakeup = wakeup;
        this.metrics = metrics;
        this.openCommandGrace = config.openCommandGrace();
    }

    private record Approved(Approval approval, Device device) {}

    /**
     * Approves onto the device the subscription trades on: refused when there is none, when the volume
     * is above the subscription's maximum, or when a guard blocks the device's account (409
     * {@code account-blocked}; the device is held against a concurrent guard change until the commit).
     * A refusal writes nothing: the approval stays PENDING.
     */
    public Uni<Approval> approve(UUID userId, UUID approvalId, BigDecimal requestedVolume) {
        return Panache.withTransaction(() -> pendingOwned(userId, approvalId)
                        .chain(a -> subscriptions
                                .findById(a.subscriptionId)
                                .chain(sub -> devices.activeOf(List.of(userId))
                                        .map(active -> Decisions.pickDevice(active, sub))
                                        .chain(device -> approveOn(userId, a, sub, device, requestedVolume)))))
                .call(done -> wakeup.publish(done.device().id))
                .call(done -> streams.publish(new ApprovalStreams.Change(
                        userId, approvalId, Approval.Status.APPROVED, Command.Status.PENDING)))
                .invoke(() -> metrics.counter(
                                "signaldesk.approvals.decided", "decision", Approval.Status.APPROVED.name())
                        .increment())
                .map(Approved::approval);
    }

    private Uni<Approved> approveOn(
            UUID userId, Approval a, Subscription sub, Device device, BigDecimal requestedVolume) {
        if (device == null) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable(
                            "no-device", "Register an EA device before approving trades"));
        }
        BigDecimal volume = requestedVolume == null ? a.volume : requestedVolume;
        if (volume.compareTo(sub.maxVolume) > 0) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable(
                            "volume-above-max", "volume " + volume + " is above your maximum " + sub.maxVolume));
        }
        List<UUID> on = List.of(device.id);
        return devices.lockForDecision(on).chain(() -> guards.blockingOf(on)).chain(blocking -> {
            if (!blocking.isEmpty()) {
                metrics.counter("signaldesk.approvals.refused", "reason", "account-blocked")
                        .increment();
                return Uni.createFrom().failure(accountBlocked(device, blocking));
            }
            return signals.findById(a.signalId)
                    .chain(s -> persist(Decisions.decide(
                            a,
                            Approval.Status.APPROVED,
                            "user:" + userId,
                            "approved",
                            volume,
                            device,
                            s,
                            openCommandGrace)))
                    .replaceWith(new Approved(a, device));
        });
    }

    private static ProblemException accountBlocked(Device device, List<AccountGuard> blocking) {
        return ProblemException.conflict(
                "account-blocked",
                "Account " + device.brokerAccount + " (" + device.brokerServer + ", device " + device.id
                        + ") takes no new trades: it is blocked by " + AccountGuards.describe(blocking)
                        + "; approvals resume once the guard is cleared");
    }

    public Uni<Approval> reject(UUID userId, UUID approvalId, String reason) {
        return Panache.withTransaction(() -> pendingOwned(userId, approvalId)
                        .chain(a -> persist(Decisions.decide(
                                        a,
                                        Approval.Status.REJECTED,
                                        "user:" + userId,
                                        reason == null ? "rejected" : reason,
                                        a.volume,
                                        null,
                                        null,
                                        openCommandGrace))
                                .replaceWith(a)))
                .call(a ->
                        streams.publish(new ApprovalStreams.Change(userId, approvalId, Approval.Status.REJECTED, null)))
                .invoke(() -> metrics.counter(
                                "signaldesk.approvals.decided", "decision", Approval.Status.REJECTED.name())
                        .increment());
    }

    private static Uni<Void> persist(List<Object> rows) {
        return Panache.getSession().chain(session -> session.persistAll(rows.toArray()));
    }

    /** The caller's approval, still PENDING and not past its expiry; locked against a concurrent decision. */
    private Uni<Approval> pendingOwned(UUID userId, UUID approvalId) {
        return approvals.findForUpdate(approvalId).chain(a -> {
            if (a == null || !a.userId.equals(userId)) {
                return Uni.createFrom().failure(ProblemException.notFound("approval " + approvalId));
            }
            if (a.status != Approval.Status.PENDING) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict("approval-decided", "This approval is already " + a.status));
            }
            if (!a.expiresAt.isAfter(Instant.now())) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict("approval-expired", "This approval has expired"));
            }
            return Uni.createFrom().item(a);
        });
    }
}
