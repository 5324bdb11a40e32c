package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.StrategyInfo;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.rest.ApiModels.SubscriptionRequest;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionService {

    public Uni<Subscription> subscribe(UUID userId, SubscriptionRequest req) {
        Subscription.Sizing mode = req.sizing();
        if (mode == Subscription.Sizing.FIXED && req.fixedVolume() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("sizing", "FIXED sizing needs fixedVolume"));
        }
        if (mode == Subscription.Sizing.RISK_PERCENT && req.riskPercent() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("sizing", "RISK_PERCENT sizing needs riskPercent"));
        }
        if (req.fixedVolume() != null && req.fixedVolume().compareTo(req.maxVolume()) > 0) {
            return Uni.createFrom().failure(ProblemException.unprocessable("sizing", "fixedVolume is above maxVolume"));
        }
        if (req.autoApprove() && req.autoApproveMaxVolume() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("auto-approve", "autoApprove needs autoApproveMaxVolume"));
        }
        return Panache.withTransaction(() -> checkStrategy(req.strategyId().toString())
                .chain(() -> checkDevice(userId, req.deviceId()))
                .chain(() -> Subscription.count("userId = ?1 and strategyId = ?2 and cancelledAt is null", userId, req.strategyId().toString()))
                .chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().failure(alreadySubscribed());
                    }
                    Subscription s = new Subscription();
                    s.id = UUID.randomUUID();
                    s.userId = userId;
                    s.strategyId = req.strategyId().toString();
                    s.deviceId = req.deviceId();
                    s.sizingMode = mode.name();
                    s.fixedVolume = req.fixedVolume();
                    s.riskPercent = req.riskPercent();
                    s.maxVolume = req.maxVolume();
                    s.autoApprove = req.autoApprove();
                    s.autoApproveMaxVolume = req.autoApproveMaxVolume();
                    s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return s.persist().replaceWith(s);
                }))
                // two identical requests at once: the partial unique index lets one through
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "subscriptions_active_uq")).transform(t -> alreadySubscribed());
    }

    private static ProblemException alreadySubscribed() {
        return ProblemException.conflict("already-subscribed", "You already follow this strategy");
    }

    /** Only a strategy signal-service published, and has not retired, can be followed. */
    private static Uni<Void> checkStrategy(String strategyId) {
        return StrategyInfo.<StrategyInfo>findById(strategyId).invoke(s -> {
            if (s == null || !s.live()) {
                throw ProblemException.unprocessable("unknown-strategy", "No strategy " + strategyId + " can be followed"
                        + (s == null ? "" : ": it was retired"));
            }
        }).replaceWithVoid();
    }

    private Uni<Void> checkDevice(UUID userId, UUID deviceId) {
        if (deviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return Device.<Device>findById(deviceId).invoke(d -> {
            if (d == null || !d.userId.equals(userId) || !d.active()) {
                throw ProblemException.unprocessable("unknown-device", "deviceId is not one of your active devices");
            }
        }).replaceWithVoid();
    }

    public Uni<List<Subscription>> list(UUID userId) {
        return Panache.withSession(() -> Subscription.<Subscription>find("userId = ?1 and cancelledAt is null order by createdAt", userId).list());
    }

    /** Stops following; pending approvals of it expire. Kept (cancelled) for the audit trail. */
    public Uni<Void> unsubscribe(UUID userId, UUID id) {
        return Panache.withTransaction(() -> Subscription.<Subscription>findById(id).chain(s -> {
            if (s == null || !s.userId.equals(userId) || s.cancelledAt != null) {
                return Uni.createFrom().failure(ProblemException.notFound("subscription " + id));
            }
            s.cancelledAt = Instant.now();
            return ApprovalService.expire("subscription_id = :p", id, "user:" + userId, "unsubscribed").replaceWithVoid();
        }));
    }
}
