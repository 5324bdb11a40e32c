package io.signaldesk.payout.service;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundListParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.BillingAccount;
import io.signaldesk.payout.BillingStatus;
import io.signaldesk.payout.repository.BillingAccountRepository;
import io.signaldesk.payout.service.StripeWebhookObjects.Effect;
import io.signaldesk.payout.service.StripeWebhookObjects.GiveBack;
import io.signaldesk.payout.service.StripeWebhookObjects.InvoicePaid;
import io.signaldesk.payout.service.StripeWebhookObjects.Refunds;
import io.signaldesk.payout.service.StripeWebhookObjects.SubscriptionState;
import io.signaldesk.payout.stripe.StripeCalls;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What a webhook does not carry, asked of Stripe before the event's transaction (webhooks never
 * expand related objects): an invoice's payment intent, charge and card fingerprint (since basil an
 * invoice names no charge; its payments are InvoicePayment objects), and the refunds of a charge
 * whose charge.refunded lists none (API 2022-11-15+). Stripe failing is a 503: Stripe redelivers.
 */
@ApplicationScoped
class StripeWebhookLookups {
    private final StripeCalls stripe;
    private final BillingAccountRepository accounts;

    StripeWebhookLookups(StripeCalls stripe, BillingAccountRepository accounts) {
        this.stripe = stripe;
        this.accounts = accounts;
    }

    Uni<Effect> complete(Effect effect, Instant created) {
        if (effect instanceof SubscriptionState s) {
            return subscription(s, created).map(e -> (Effect) e);
        }
        if (effect instanceof InvoicePaid p && p.needsStripe()) {
            return invoice(p).map(e -> (Effect) e);
        }
        if (effect instanceof Refunds r && r.listFromStripe()) {
            return refunds(r).map(e -> (Effect) e);
        }
        return Uni.createFrom().item(effect);
    }

    private Uni<InvoicePaid> invoice(InvoicePaid p) {
        Uni<String[]> chargeAndIntent = p.chargeId() != null
                ? Uni.createFrom().item(new String[] {p.chargeId(), p.paymentIntentId()})
                : call(c -> c.v1().invoicePayments()
                                .list(InvoicePaymentListParams.builder()
                                        .setInvoice(p.invoiceId())
                                        .setStatus(InvoicePaymentListParams.Status.PAID)
                                        .build()))
                        .map(list -> {
                            for (InvoicePayment ip : list.getData()) {
                                if ("paid".equals(ip.getStatus()) && ip.getPayment() != null) {
                                    return new String[] {
                                        ip.getPayment().getCharge(),
                                        ip.getPayment().getPaymentIntent()
                                    };
                                }
                            }
                            return new String[] {null, p.paymentIntentId()};
                        });
        return chargeAndIntent
                .chain(ci -> {
                    if (ci[0] != null || ci[1] == null) {
                        return Uni.createFrom().item(ci);
                    }
                    // a card payment is listed by its intent only: its charge is the intent's latest
                    return call(c -> c.v1().paymentIntents().retrieve(ci[1]))
                            .map(pi -> new String[] {pi.getLatestCharge(), ci[1]});
                })
                .chain(ci -> charged(p, ci));
    }

    /**
     * The payment with its charge (and the card's fingerprint). A paid invoice whose payment Stripe
     * does not show yet is a 503, so Stripe sends it again: applied now, no refund or dispute of it
     * could ever find it.
     */
    private Uni<InvoicePaid> charged(InvoicePaid p, String[] ci) {
        if (ci[0] == null && ci[1] == null && p.amount().isPositive()) {
            return Uni.createFrom()
                    .failure(new ProblemException(Problem.of(
                            503,
                            "stripe-payment-unknown",
                            "Payment not visible yet",
                            "Stripe does not list this invoice's payment yet; the event is applied when"
                                    + " Stripe sends it again")));
        }
        if (ci[0] == null) {
            return Uni.createFrom().item(p.with(null, ci[1], null));
        }
        return call(c -> c.v1().charges().retrieve(ci[0])).map(ch -> {
            String intent = ci[1] != null ? ci[1] : ch.getPaymentIntent();
            return p.with(ci[0], intent, fingerprint(ch));
        });
    }

    private static String fingerprint(Charge ch) {
        var details = ch.getPaymentMethodDetails();
        return details == null || details.getCard() == null
                ? null
                : details.getCard().getFingerprint();
    }

    private Uni<Refunds> refunds(Refunds r) {
        return call(c -> c.v1().refunds()
                        .list(RefundListParams.builder()
                                .setCharge(r.chargeId())
                                .setLimit(100L)
                                .build()))
                .map(list -> {
                    List<GiveBack> out = new ArrayList<>();
                    for (Refund re : list.getData()) {
                        if (!"succeeded".equals(re.getStatus())) {
                            continue; // see StripeWebhookObjects.succeeded
                        }
                        out.add(new GiveBack(
                                re.getId(),
                                Money.ofMinor(
                                        re.getAmount(),
                                        Currency.getInstance(re.getCurrency().toUpperCase(Locale.ROOT))),
                                re.getCreated() == null ? Instant.now() : Instant.ofEpochSecond(re.getCreated())));
                    }
                    return r.with(out);
                });
    }

    /**
     * A subscription event whose {@code created} equals that of the state applied last cannot be
     * ordered by time: Stripe's current state of the subscription is applied instead (read here,
     * outside the transaction; the transaction refuses a tie not read so, and Stripe retries).
     */
    private Uni<SubscriptionState> subscription(SubscriptionState s, Instant created) {
        return Panache.withSession(() -> s.customerId() == null
                        ? Uni.createFrom().<BillingAccount>nullItem()
                        : accounts.find("stripeCustomerId", s.customerId()).firstResult())
                .chain(a -> {
                    boolean tie = a != null && created.equals(a.stateAt);
                    if (!tie) {
                        return Uni.createFrom().item(s);
                    }
                    return stripe.run(c -> c.v1().subscriptions().retrieve(s.subscriptionId()))
                            .map(sub -> {
                                var item = sub.getItems() == null
                                                || sub.getItems().getData().isEmpty()
                                        ? null
                                        : sub.getItems().getData().get(0);
                                BillingStatus st =
                                        BillingStatus.ofStripe(sub.getStatus()).orElse(s.status());
                                return s.now(
                                        st,
                                        item == null || item.getPrice() == null
                                                ? null
                                                : item.getPrice().getId(),
                                        item == null || item.getCurrentPeriodEnd() == null
                                                ? null
                                                : Instant.ofEpochSecond(item.getCurrentPeriodEnd()),
                                        Boolean.TRUE.equals(sub.getCancelAtPeriodEnd()));
                            })
                            .onFailure(InvalidRequestException.class)
                            .recoverWithItem(s.asCurrent())
                            .onFailure(t -> !(t instanceof ProblemException))
                            .transform(t -> unavailable());
                });
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(
                503,
                "stripe-unavailable",
                "Stripe unavailable",
                "Stripe could not be asked about the event; Stripe retries the delivery"));
    }

    private <T> Uni<T> call(StripeCalls.Call<T> c) {
        return stripe.run(c).onFailure().transform(t -> {
            if (t instanceof ProblemException) {
                return t;
            }
            if (t instanceof InvalidRequestException) {
                return StripeWebhookObjects.malformed("Stripe does not know an object the event names");
            }
            return unavailable();
        });
    }
}
