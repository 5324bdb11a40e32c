package io.signaldesk.approval.service;

import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.UserEntitlementRepository;
import io.signaldesk.platform.events.MoneyEvents.SubscriptionChanged;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a user's premium tier allows (docs/money.md "Billing"): the limits billing announced on
 * billing.v1 (newest wins, an older event arriving late is ignored), else FREE's from
 * {@code approval.free.*}. A downgrade deletes nothing: it only blocks new devices and subscriptions
 * beyond the new limit.
 */
@ApplicationScoped
public class Entitlements {
    private static final Logger LOG = Logger.getLogger(Entitlements.class);

    /** The limits in force for one user. */
    public record Limits(String tier, int maxDevices, int maxSubscriptions) {}

    private final UserEntitlementRepository entitlements;
    private final ApprovalConfig config;

    public Entitlements(UserEntitlementRepository entitlements, ApprovalConfig config) {
        this.entitlements = entitlements;
        this.config = config;
    }

    /** The user's limits; call inside the session of the write it guards. */
    public Uni<Limits> of(UUID userId) {
        return entitlements
                .findById(userId)
                .map(e -> e == null
                        ? new Limits(
                                "FREE",
                                config.free().maxDevices(),
                                config.free().maxSubscriptions())
                        : new Limits(e.tier, e.maxDevices, e.maxSubscriptions));
    }

    /** billing.v1 SubscriptionChanged: the user's new limits, unless newer ones are stored. */
    public Uni<Void> changed(SubscriptionChanged e) {
        if (e.tier().isBlank() || e.maxDevices() < 0 || e.maxSubscriptions() < 0 || e.version() < 0) {
            throw new PoisonEventException(
                    "SubscriptionChanged with a blank tier, negative limits or a negative version", null);
        }
        return entitlements
                .storeIfNewer(
                        e.userId(),
                        e.tier(),
                        e.maxDevices(),
                        e.maxSubscriptions(),
                        e.changedAt().truncatedTo(ChronoUnit.MICROS),
                        e.version())
                .invoke(stored -> {
                    if (!stored) {
                        LOG.debug("SubscriptionChanged older than the stored entitlements; ignored");
                    }
                })
                .replaceWithVoid();
    }

    /** What a tier limits. */
    public enum Kind {
        DEVICES("device(s)"),
        SUBSCRIPTIONS("strategy subscription(s)");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        int limit(Limits l) {
            return this == DEVICES ? l.maxDevices() : l.maxSubscriptions();
        }
    }

    /**
     * Fails with 403 plan-limit when the user already has as many active {@code kind} as their tier
     * allows ({@code active} counts them). Call under the per-trader lock of the write it guards, so
     * concurrent requests cannot pass together; a downgrade keeps what exists and blocks only new ones.
     */
    public Uni<Void> requireRoom(UUID userId, Kind kind, Uni<Long> active) {
        return of(userId)
                .chain(limits -> active.invoke(n -> {
                    if (n >= kind.limit(limits)) {
                        throw limitReached(limits, kind.noun, kind.limit(limits));
                    }
                }))
                .replaceWithVoid();
    }

    /** 403 plan-limit: what the tier allows and that an upgrade allows more. Nothing was written. */
    static ProblemException limitReached(Limits l, String what, int limit) {
        return new ProblemException(Problem.of(
                403,
                "plan-limit",
                "Plan limit reached",
                "Your " + l.tier() + " plan allows " + limit + " active " + what + "; upgrade your plan"
                        + " (GET /api/v1/billing/plans) or remove one to add another"));
    }
}
