package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.repository.ApprovalRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.approval.repository.StrategyInfoRepository;
import io.signaldesk.approval.repository.SubscriptionRepository;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Following a strategy: how each of its signals is sized and whether it is approved without asking. */
@ApplicationScoped
public class SubscriptionService {
    /** What a trader asks for when following a strategy; field-level limits are checked by the caller. */
    public record Follow(
            UUID strategyId,
            UUID deviceId,
            Subscription.Sizing sizing,
            BigDecimal fixedVolume,
            BigDecimal riskPercent,
            BigDecimal maxVolume,
            boolean autoApprove,
            BigDecimal autoApproveMaxVolume) {}

    private final SubscriptionRepository subscriptions;
    private final StrategyInfoRepository strategies;
    private final DeviceRepository devices;
    private final ApprovalRepository approvals;
    private final Entitlements entitlements;

    private final ApprovalStreams streams;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            StrategyInfoRepository strategies,
            DeviceRepository devices,
            ApprovalRepository approvals,
            Entitlements entitlements,
            ApprovalStreams streams) {
        this.streams = streams;
        this.subscriptions = subscriptions;
        this.strategies = strategies;
        this.devices = devices;
        this.approvals = approvals;
        this.entitlements = entitlements;
    }

    public Uni<Subscription> subscribe(UUID userId, Follow req) {
        Subscription.Sizing mode = req.sizing();
        if (mode == Subscription.Sizing.FIXED && req.fixedVolume() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("sizing", "FIXED sizing needs fixedVolume"));
        }
        if (mode == Subscription.Sizing.RISK_PERCENT && req.riskPercent() == null) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable("sizing", "RISK_PERCENT sizing needs riskPercent"));
        }
        if (req.fixedVolume() != null && req.fixedVolume().compareTo(req.maxVolume()) > 0) {
            return Uni.createFrom().failure(ProblemException.unprocessable("sizing", "fixedVolume is above maxVolume"));
        }
        if (req.autoApprove() && req.autoApproveMaxVolume() == null) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable("auto-approve", "autoApprove needs autoApproveMaxVolume"));
        }
        String strategyId = req.strategyId().toString();
        return Panache.withTransaction(() -> checkStrategy(strategyId)
                        .chain(() -> checkDevice(userId, req.deviceId()))
                        .chain(() -> devices.lockTrader("subscriptions", userId))
                        .chain(() -> subscriptions.countActive(userId, strategyId))
                        .chain(n -> n > 0
                                ? Uni.createFrom().failure(alreadySubscribed())
                                : entitlements.requireRoom(
                                        userId, Entitlements.Kind.SUBSCRIPTIONS, subscriptions.countActive(userId)))
                        .chain(() -> {
                            Subscription s = new Subscription();
                            s.id = UUID.randomUUID();
                            s.userId = userId;
                            s.strategyId = strategyId;
                            s.deviceId = req.deviceId();
                            s.sizingMode = mode;
                            s.fixedVolume = req.fixedVolume();
                            s.riskPercent = req.riskPercent();
                            s.maxVolume = req.maxVolume();
                            s.autoApprove = req.autoApprove();
                            s.autoApproveMaxVolume = req.autoApproveMaxVolume();
                            s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return subscriptions.persist(s);
                        }))
                // two identical requests at once: the partial unique index lets one through
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "subscriptions_active_uq"))
                .transform(t -> alreadySubscribed());
    }

    private static ProblemException alreadySubscribed() {
        return ProblemException.conflict("already-subscribed", "You already follow this strategy");
    }

    /** Only a strategy signal-service published, and has not retired, can be followed. */
    private Uni<Void> checkStrategy(String strategyId) {
        return strategies
                .findById(strategyId)
                .invoke(s -> {
                    if (s == null || !s.live()) {
                        throw ProblemException.unprocessable(
                                "unknown-strategy",
                                "No strategy " + strategyId + " can be followed"
                                        + (s == null ? "" : ": it was retired"));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkDevice(UUID userId, UUID deviceId) {
        if (deviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return devices.findById(deviceId)
                .invoke(d -> {
                    if (d == null || !d.userId.equals(userId) || !d.active()) {
                        throw ProblemException.unprocessable(
                                "unknown-device", "deviceId is not one of your active devices");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<List<Subscription>> list(UUID userId) {
        return Panache.withSession(() -> subscriptions.activeOf(userId));
    }

    /**
     * Stops following; its PENDING approvals become CANCELLED (the trader withdrew them; nothing
     * expired). The subscription is kept, cancelled, for the audit trail.
     */
    public Uni<Void> unsubscribe(UUID userId, UUID id) {
        return Panache.withTransaction(() -> subscriptions.findById(id).chain(s -> {
                    if (s == null || !s.userId.equals(userId) || s.cancelledAt != null) {
                        return Uni.createFrom().failure(ProblemException.notFound("subscription " + id));
                    }
                    s.cancelledAt = Instant.now();
                    return approvals.cancelPendingOf(id, "user:" + userId, "unsubscribed");
                }))
                // committed: the trader's consoles see the withdrawn approvals go
                .chain(moved -> streams.publish(moved.stream()
                        .map(m -> new ApprovalStreams.Change(
                                m.userId(), m.approvalId(), io.signaldesk.approval.Approval.Status.CANCELLED, null))
                        .toList()));
    }
}
