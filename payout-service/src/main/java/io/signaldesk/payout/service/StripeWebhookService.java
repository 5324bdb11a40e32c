package io.signaldesk.payout.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.BillingAccount;
import io.signaldesk.payout.Payment;
import io.signaldesk.payout.PaymentRefund;
import io.signaldesk.payout.StripeEventRecord.Outcome;
import io.signaldesk.payout.config.BillingClock;
import io.signaldesk.payout.config.StripeConfig;
import io.signaldesk.payout.repository.BillingAccountRepository;
import io.signaldesk.payout.repository.PaymentRefundRepository;
import io.signaldesk.payout.repository.PaymentRepository;
import io.signaldesk.payout.repository.PendingGiveBackRepository;
import io.signaldesk.payout.repository.StripeEventRepository;
import io.signaldesk.payout.service.StripeWebhookObjects.Dispute;
import io.signaldesk.payout.service.StripeWebhookObjects.Effect;
import io.signaldesk.payout.service.StripeWebhookObjects.GiveBack;
import io.signaldesk.payout.service.StripeWebhookObjects.InvoicePaid;
import io.signaldesk.payout.service.StripeWebhookObjects.Link;
import io.signaldesk.payout.service.StripeWebhookObjects.Refunds;
import io.signaldesk.payout.service.StripeWebhookObjects.SubscriptionState;
import io.signaldesk.platform.events.MoneyEvents.PaymentRefunded;
import io.signaldesk.platform.events.MoneyEvents.PaymentSucceeded;
import io.signaldesk.platform.events.MoneyEvents.SubscriptionChanged;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stripe's webhook (docs/money.md "Billing"): verifies the signature with stripe-java, reads the
 * object strictly, then in one transaction claims the event id (a redelivery or a concurrent
 * duplicate finds it claimed and has no effect), applies the effect and enqueues its billing.v1
 * events in the outbox. Counted per event type and outcome (applied, duplicate, ignored, refused).
 */
@ApplicationScoped
public class StripeWebhookService {
    private static final Logger LOG = Logger.getLogger(StripeWebhookService.class);
    static final String METRIC = "signaldesk.billing.webhook.events";
    /** Subscription events ignored because the account holds another live subscription. */
    static final String FOREIGN_METRIC = "signaldesk.billing.subscription.other";

    /** What became of a delivery. */
    public enum Result {
        APPLIED,
        DUPLICATE,
        IGNORED,
        DEFERRED
    }

    private final StripeConfig stripe;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final StripeEventRepository events;
    private final BillingAccountRepository accounts;
    private final PaymentRepository payments;
    private final PaymentRefundRepository refunds;
    private final Plans plans;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final StripeWebhookLookups lookups;
    private final PendingGiveBackRepository pending;

    public StripeWebhookService(
            StripeConfig stripe,
            ObjectMapper mapper,
            @Named(BillingClock.NAME) Clock clock,
            StripeEventRepository events,
            BillingAccountRepository accounts,
            PaymentRepository payments,
            PaymentRefundRepository refunds,
            Plans plans,
            Outbox outbox,
            MeterRegistry metrics,
            StripeWebhookLookups lookups,
            PendingGiveBackRepository pending) {
        this.pending = pending;
        this.lookups = lookups;
        this.stripe = stripe;
        this.mapper = mapper;
        this.clock = clock;
        this.events = events;
        this.accounts = accounts;
        this.payments = payments;
        this.refunds = refunds;
        this.plans = plans;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public Uni<Result> receive(byte[] body, String signature) {
        String type = "unknown";
        Event event;
        Effect effect;
        try {
            String secret = stripe.webhookSecret()
                    .filter(s -> !s.isBlank())
                    .orElseThrow(() -> new ProblemException(Problem.of(
                            503,
                            "stripe-not-configured",
                            "Stripe unavailable",
                            "The Stripe webhook secret is not configured here")));
            if (signature == null || signature.isBlank()) {
                throw ProblemException.badRequest("stripe-signature", "The Stripe-Signature header is missing");
            }
            String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            try {
                event = Webhook.constructEvent(
                        payload, signature, secret, stripe.webhookTolerance().toSeconds(), clock);
            } catch (SignatureVerificationException e) {
                throw ProblemException.badRequest(
                        "stripe-signature",
                        "The Stripe-Signature does not match the payload or its timestamp is outside the tolerance");
            } catch (RuntimeException e) { // signed, but not an event stripe-java can read
                throw StripeWebhookObjects.malformed("the payload is not a Stripe event");
            }
            if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
                throw StripeWebhookObjects.malformed("the event has no id, type or created time");
            }
            type = metricType(event.getType());
            JsonNode root;
            try {
                root = mapper.readTree(payload);
            } catch (IOException e) {
                throw StripeWebhookObjects.malformed("the payload is not JSON");
            }
            effect = StripeWebhookObjects.read(
                    event.getType(), root.path("data").get("object"), Instant.ofEpochSecond(event.getCreated()));
        } catch (ProblemException e) {
            count(type, "refused");
            return Uni.createFrom().failure(e);
        }
        String metricType = type;
        Instant created = Instant.ofEpochSecond(event.getCreated());
        String eventId = event.getId();
        return lookups.complete(effect, Instant.ofEpochSecond(event.getCreated()))
                .chain(complete -> inTransaction(complete, eventId, event.getType(), created))
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, ""))
                .transform(t -> new ProblemException(Problem.of(
                        503,
                        "stripe-event-conflict",
                        "Try again",
                        "Another delivery touched the same payment at the same time; Stripe retries")))
                .invoke(r -> count(metricType, r.name().toLowerCase(java.util.Locale.ROOT)))
                .onFailure(ProblemException.class)
                .invoke(t -> {
                    if (((ProblemException) t).problem().status() < 500) {
                        count(metricType, "refused");
                    }
                });
    }

    /** Claims the event id, applies the effect and enqueues its events, in one transaction. */
    private Uni<Result> inTransaction(Effect effect, String eventId, String type, Instant created) {
        return Panache.withTransaction(() -> events.claim(
                        eventId, type, created, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .chain(first -> {
                    if (!first) {
                        return Uni.createFrom().item(Result.DUPLICATE);
                    }
                    return apply(effect, created)
                            .call(outcome -> outcome != Outcome.APPLIED
                                    ? events.markOutcome(eventId, outcome)
                                    : Uni.createFrom().voidItem())
                            .map(outcome -> Result.valueOf(outcome.name()));
                }));
    }

    private static String metricType(String type) {
        return StripeWebhookObjects.HANDLED.contains(type) ? type : "other";
    }

    private void count(String type, String outcome) {
        metrics.counter(METRIC, "type", type, "outcome", outcome).increment();
    }

    private Uni<Outcome> apply(Effect effect, Instant created) {
        if (effect instanceof Link l) {
            return link(l);
        }
        if (effect instanceof InvoicePaid p) {
            return invoicePaid(p);
        }
        if (effect instanceof Refunds r) {
            return refunds(r);
        }
        if (effect instanceof Dispute d) {
            return dispute(d);
        }
        if (effect instanceof SubscriptionState s) {
            return subscription(s, created);
        }
        return ignored("unhandled event type");
    }

    private static Uni<Outcome> ignored(String why) {
        LOG.debugf("Stripe event ignored: %s", why);
        return Uni.createFrom().item(Outcome.IGNORED);
    }

    /**
     * The account of a Stripe customer; else, when the object names our user in its metadata (set at
     * checkout), that user's account, created and linked to the customer. Null when neither is known,
     * or when the metadata names a user already linked to another customer (not trusted).
     */
    private Uni<BillingAccount> resolve(String customerId, UUID metadataUser) {
        Uni<BillingAccount> byCustomer =
                customerId == null ? Uni.createFrom().nullItem() : accounts.lockByCustomer(customerId);
        return byCustomer.chain(a -> {
            if (a != null || metadataUser == null) {
                return Uni.createFrom().item(a);
            }
            return linkedAccount(metadataUser, customerId);
        });
    }

    private Uni<BillingAccount> linkedAccount(UUID userId, String customerId) {
        return accounts.insertIfAbsent(userId, plans.free().name(), now())
                .chain(() -> accounts.lockByUser(userId))
                .map(b -> {
                    if (b.stripeCustomerId == null) {
                        b.stripeCustomerId = customerId;
                        b.updatedAt = now();
                    }
                    return customerId == null || customerId.equals(b.stripeCustomerId) ? b : null;
                });
    }

    private Uni<Outcome> link(Link l) {
        if (l.userId() == null) {
            return ignored("checkout session without a user");
        }
        return accounts.lockByCustomer(l.customerId()).chain(owner -> {
            if (owner != null && !owner.userId.equals(l.userId())) {
                return ignored("customer linked to another user");
            }
            return linkedAccount(l.userId(), l.customerId()).map(a -> {
                if (a == null) {
                    LOG.warn("A checkout session names a user already linked to another Stripe customer; ignored");
                    return Outcome.IGNORED;
                }
                if (a.stripeSubscriptionId == null || a.status.ended()) {
                    a.stripeSubscriptionId = l.subscriptionId();
                    a.updatedAt = now();
                }
                if (l.sessionId().equals(a.checkoutSessionId)) {
                    a.checkoutSessionId = null; // completed: no longer to be expired by a new checkout
                }
                return Outcome.APPLIED;
            });
        });
    }

    private Uni<Outcome> invoicePaid(InvoicePaid p) {
        if (p.amount().isZero()) {
            return ignored("nothing was paid");
        }
        return resolve(p.customerId(), p.metadataUser()).chain(a -> {
            if (a == null) {
                return ignored("invoice of an unknown customer");
            }
            return payments.findById(p.invoiceId()).chain(seen -> {
                if (seen != null) {
                    return ignored("invoice already recorded");
                }
                Payment pay = new Payment();
                pay.invoiceId = p.invoiceId();
                pay.paymentId = paymentId(p.invoiceId());
                pay.chargeId = p.chargeId();
                pay.paymentIntentId = p.paymentIntentId();
                pay.userId = a.userId;
                pay.amount = p.amount().amount();
                pay.currency = p.amount().currencyCode();
                pay.refunded = java.math.BigDecimal.ZERO;
                pay.paidAt = p.paidAt();
                pay.tier = plans.byPriceId(p.priceId()).map(Plans.Plan::name).orElse(a.tier);
                pay.fingerprint = p.fingerprint();
                return payments.persist(pay)
                        .chain(() -> outbox.enqueue(new PaymentSucceeded(
                                pay.paymentId,
                                pay.userId,
                                pay.invoiceId,
                                pay.tier,
                                p.amount(),
                                pay.fingerprint,
                                pay.paidAt)))
                        .chain(() -> announcePending(pay))
                        .replaceWith(Outcome.APPLIED);
            });
        });
    }

    /** The same invoice is always the same payment, whichever event announced it. */
    static UUID paymentId(String invoiceId) {
        return UUID.nameUUIDFromBytes(("stripe-invoice:" + invoiceId).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Outcome> refunds(Refunds r) {
        return payments.lockByChargeOrIntent(r.chargeId(), r.paymentIntentId()).chain(pay -> {
            if (pay == null) {
                if (r.refunds().isEmpty()) {
                    return ignored("no refund of a charge never seen paid");
                }
                Uni<Void> kept = Uni.createFrom().voidItem();
                for (GiveBack g : r.refunds()) {
                    kept = kept.chain(() -> keep(g, PaymentRefund.Reason.REFUND, r.chargeId(), r.paymentIntentId()));
                }
                return kept.replaceWith(Outcome.DEFERRED);
            }
            learnCharge(pay, r.chargeId());
            Uni<Boolean> any = Uni.createFrom().item(false);
            for (GiveBack g : r.refunds()) {
                any = any.chain(
                        before -> giveBack(pay, g, PaymentRefund.Reason.REFUND).map(now -> before || now));
            }
            return any.map(applied -> applied ? Outcome.APPLIED : Outcome.IGNORED);
        });
    }

    private Uni<Outcome> dispute(Dispute d) {
        if (!d.withdrawn()) { // won: nothing goes back, and nothing kept for later either
            return pending.deleteById(d.dispute().id()).chain(() -> ignored("dispute closed in our favour"));
        }
        return payments.lockByChargeOrIntent(d.chargeId(), d.paymentIntentId()).chain(pay -> {
            if (pay == null) {
                return keep(d.dispute(), PaymentRefund.Reason.DISPUTE, d.chargeId(), d.paymentIntentId())
                        .replaceWith(Outcome.DEFERRED);
            }
            learnCharge(pay, d.chargeId());
            return giveBack(pay, d.dispute(), PaymentRefund.Reason.DISPUTE)
                    .map(applied -> applied ? Outcome.APPLIED : Outcome.IGNORED);
        });
    }

    private Uni<Void> keep(GiveBack g, PaymentRefund.Reason reason, String chargeId, String intentId) {
        return pending.keep(
                g.id(),
                reason,
                chargeId,
                intentId,
                g.amount().amount(),
                g.amount().currencyCode(),
                g.at().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The refunds and disputes that arrived before this payment, announced right after it (oldest
     * first, each once, clamped like any other) and no longer kept.
     */
    private Uni<Void> announcePending(Payment pay) {
        return pending.lockFor(pay.chargeId, pay.paymentIntentId).chain(kept -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (var k : kept) {
                all = all.chain(() -> {
                    if (!k.currency.equals(pay.currency)) {
                        LOG.warn("A refund kept for a payment is in another currency; dropped");
                        return pending.delete(k);
                    }
                    GiveBack g = new GiveBack(
                            k.giveBackId, Money.of(k.amount, Currency.getInstance(k.currency)), k.createdAt);
                    return giveBack(pay, g, k.reason).chain(() -> pending.delete(k));
                });
            }
            return all;
        });
    }

    /** A payment matched by its payment intent learns its charge from the refund or dispute. */
    private static void learnCharge(Payment pay, String chargeId) {
        if (pay.chargeId == null && chargeId != null) {
            pay.chargeId = chargeId;
        }
    }

    /**
     * Records one refund or dispute once (by its Stripe id) and announces it, clamped to what is left
     * of the payment: a refund and a dispute of the same money never give back more than was paid.
     * False when it was already recorded.
     */
    private Uni<Boolean> giveBack(Payment pay, GiveBack g, PaymentRefund.Reason reason) {
        Currency currency = Currency.getInstance(pay.currency);
        if (!g.amount().currency().equals(currency)) {
            return Uni.createFrom()
                    .failure(StripeWebhookObjects.malformed("the refund's currency differs from the payment's"));
        }
        return refunds.findById(g.id()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(false);
            }
            Money paid = Money.of(pay.amount, currency);
            Money left = paid.minus(Money.of(pay.refunded, currency));
            Money announced = g.amount().compareTo(left) > 0 ? left : g.amount();
            if (announced.compareTo(g.amount()) < 0) {
                LOG.warnf("A %s asks back more than is left of its payment; clamped to what is left", reason.wire());
            }
            PaymentRefund row = new PaymentRefund();
            row.refundId = g.id();
            row.invoiceId = pay.invoiceId;
            row.reason = reason;
            row.requested = g.amount().amount();
            row.amount = announced.amount();
            row.createdAt = g.at();
            pay.refunded = pay.refunded.add(announced.amount());
            Uni<?> announce = announced.isZero()
                    ? Uni.createFrom().voidItem()
                    : outbox.enqueue(new PaymentRefunded(
                            pay.paymentId, pay.userId, pay.chargeId, g.id(), reason.wire(), announced, g.at()));
            return refunds.persist(row).chain(() -> announce).replaceWith(true);
        });
    }

    private Uni<Outcome> subscription(SubscriptionState s, Instant created) {
        return resolve(s.customerId(), s.metadataUser()).chain(a -> {
            if (a == null) {
                return ignored("subscription of an unknown customer");
            }
            if (a.stateAt != null && created.isBefore(a.stateAt)) {
                return ignored("older than the state applied");
            }
            if (created.equals(a.stateAt) && !s.current()) { // tied since the look-up: Stripe retries
                return Uni.createFrom()
                        .failure(new ProblemException(Problem.of(
                                503,
                                "stripe-event-conflict",
                                "Try again",
                                "Another event of the subscription in the same second was applied meanwhile")));
            }
            if (s.deleted() && a.stripeSubscriptionId != null && !a.stripeSubscriptionId.equals(s.subscriptionId())) {
                return ignored("an earlier subscription ended after a newer one took over");
            }
            if (a.stripeSubscriptionId != null
                    && !a.stripeSubscriptionId.equals(s.subscriptionId())
                    && !a.status.ended()) {
                metrics.counter(FOREIGN_METRIC).increment();
                LOG.warn("An event of a subscription other than the account's live one; ignored");
                return ignored("not the account's current subscription");
            }
            Plans.Plan plan = s.status().entitled()
                    ? plans.byPriceId(s.priceId()).orElseGet(() -> {
                        LOG.warn("A subscription's price is no configured plan; the user stays on FREE");
                        return plans.free();
                    })
                    : plans.free();
            a.stripeSubscriptionId = s.subscriptionId();
            a.tier = plan.name();
            a.status = s.status();
            a.currentPeriodEnd = s.currentPeriodEnd();
            a.cancelAtPeriodEnd = !s.deleted() && s.cancelAtPeriodEnd();
            a.stateAt = created;
            a.version = a.version + 1;
            a.updatedAt = now();
            return outbox.enqueue(new SubscriptionChanged(
                            a.userId,
                            plan.name(),
                            s.status().name(),
                            a.currentPeriodEnd,
                            plan.maxDevices(),
                            plan.maxSubscriptions(),
                            created,
                            a.version))
                    .replaceWith(Outcome.APPLIED);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
