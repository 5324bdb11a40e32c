package io.signaldesk.payout.service;

import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.BillingAccount;
import io.signaldesk.payout.BillingStatus;
import io.signaldesk.payout.config.BillingClock;
import io.signaldesk.payout.config.BillingConfig;
import io.signaldesk.payout.repository.BillingAccountRepository;
import io.signaldesk.payout.stripe.StripeCalls;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A user's premium tier as billing knows it, and what the user asks of Stripe (checkout, cancel). */
@ApplicationScoped
public class BillingService {
    /** The user's subscription as shown to them; FREE with status NONE when they never subscribed. */
    public record Subscription(
            Plans.Plan plan, BillingStatus status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {}

    /** A Stripe Checkout Session to send the user to. */
    public record Checkout(String url, String sessionId) {}

    private final BillingAccountRepository accounts;
    private final Plans plans;
    private final StripeCalls stripe;
    private final BillingConfig config;
    private final Clock clock;

    public BillingService(
            BillingAccountRepository accounts,
            Plans plans,
            StripeCalls stripe,
            BillingConfig config,
            @Named(BillingClock.NAME) Clock clock) {
        this.accounts = accounts;
        this.plans = plans;
        this.stripe = stripe;
        this.config = config;
        this.clock = clock;
    }

    /** The user's billing account, or null while they have never paid (FREE). */
    public Uni<BillingAccount> account(UUID userId) {
        return Panache.withSession(() -> accounts.findById(userId));
    }

    public Uni<Subscription> subscription(UUID userId) {
        return account(userId).map(this::view);
    }

    private Subscription view(BillingAccount a) {
        return a == null
                ? new Subscription(plans.free(), BillingStatus.NONE, null, false)
                : new Subscription(plans.of(a.tier), a.status, a.currentPeriodEnd, a.cancelAtPeriodEnd);
    }

    /**
     * A Checkout Session for a paid plan (mode subscription). The user id goes with it three ways
     * (client_reference_id, the session's metadata and the subscription's metadata) so every later
     * webhook finds its user even before checkout.session.completed has linked the customer.
     */
    public Uni<Checkout> checkout(UUID userId, String planName) {
        Plans.Plan plan = plans.named(planName)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "unknown-plan", "No plan '" + planName + "'; see GET /api/v1/billing/plans"));
        if (plan.free() || plan.priceId().isEmpty()) {
            throw ProblemException.conflict("plan-not-purchasable", plan.name() + " is free: there is nothing to buy");
        }
        return account(userId).chain(a -> {
            // any subscription Stripe still keeps (active, past due, unpaid, paused, incomplete) is the
            // user's one: a second would be charged while its events are ignored
            if (a != null && a.status != BillingStatus.NONE && !a.status.ended()) {
                return Uni.createFrom().failure(subscriptionExists());
            }
            Uni<Void> previous = a == null || a.checkoutSessionId == null
                    ? Uni.createFrom().voidItem()
                    : closeOpenCheckout(a.checkoutSessionId);
            return previous.chain(() -> createCheckout(userId, plan, a)).call(c -> remember(userId, c.sessionId()));
        });
    }

    private static ProblemException subscriptionExists() {
        return ProblemException.conflict(
                "subscription-exists",
                "You already have a subscription (or a checkout that completed): change plans in Stripe's"
                        + " billing portal, or cancel and check out again once it ended");
    }

    /**
     * A user has one checkout at a time, so two completed checkouts never make two live subscriptions:
     * the previous session is expired in Stripe if still open; one that completed (its webhook not yet
     * here) is a 409.
     */
    private Uni<Void> closeOpenCheckout(String sessionId) {
        return stripe.run(c -> c.v1().checkout().sessions().retrieve(sessionId))
                .chain(s -> {
                    if ("complete".equals(s.getStatus())) {
                        return Uni.createFrom().<Void>failure(subscriptionExists());
                    }
                    if (!"open".equals(s.getStatus())) {
                        return Uni.createFrom().voidItem();
                    }
                    return stripe.run(c -> c.v1().checkout().sessions().expire(sessionId))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(BillingStripeErrors::toProblem);
    }

    private Uni<Void> remember(UUID userId, String sessionId) {
        return Panache.withTransaction(
                        () -> accounts.insertIfAbsent(userId, plans.free().name(), clock.instant())
                                .chain(() -> accounts.lockByUser(userId))
                                .invoke(b -> {
                                    b.checkoutSessionId = sessionId;
                                    b.updatedAt = clock.instant();
                                }))
                .replaceWithVoid();
    }

    private Uni<Checkout> createCheckout(UUID userId, Plans.Plan plan, BillingAccount a) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(plan.priceId().get())
                        .setQuantity(1L)
                        .build())
                .setClientReferenceId(userId.toString())
                .putMetadata("user_id", userId.toString())
                .putMetadata("plan", plan.name())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", userId.toString())
                        .putMetadata("plan", plan.name())
                        .build())
                .setSuccessUrl(config.successUrl())
                .setCancelUrl(config.cancelUrl());
        if (a != null && a.stripeCustomerId != null) {
            params.setCustomer(a.stripeCustomerId);
        }
        return stripe.run(c -> c.v1().checkout().sessions().create(params.build()))
                .map(s -> new Checkout(s.getUrl(), s.getId()))
                .onFailure()
                .transform(BillingStripeErrors::toProblem);
    }

    /**
     * Cancels at the end of the paid period through Stripe (the user keeps the tier until then); the
     * customer.subscription.updated webhook that follows confirms it.
     */
    public Uni<Subscription> cancel(UUID userId) {
        return account(userId).chain(a -> {
            if (a == null || a.stripeSubscriptionId == null || !a.status.entitled()) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict(
                                "no-subscription", "You have no active subscription to cancel"));
            }
            String subscriptionId = a.stripeSubscriptionId;
            return stripe.run(c -> c.v1().subscriptions()
                            .update(
                                    subscriptionId,
                                    SubscriptionUpdateParams.builder()
                                            .setCancelAtPeriodEnd(true)
                                            .build()))
                    .onFailure()
                    .transform(BillingStripeErrors::toProblem)
                    .chain(s -> Panache.withTransaction(() -> accounts.lockByUser(userId)
                            .map(locked -> {
                                if (locked != null && subscriptionId.equals(locked.stripeSubscriptionId)) {
                                    locked.cancelAtPeriodEnd = Boolean.TRUE.equals(s.getCancelAtPeriodEnd());
                                    locked.updatedAt = clock.instant();
                                }
                                return view(locked);
                            })));
        });
    }
}
