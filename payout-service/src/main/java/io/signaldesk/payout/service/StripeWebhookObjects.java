package io.signaldesk.payout.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.signaldesk.payout.BillingStatus;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads the Stripe objects billing acts on out of a verified event, strictly: a field of the wrong
 * type, a negative or fractional amount or an unknown currency is a 400 before anything is written.
 * Amounts are Stripe's minor units, turned into {@link Money} of the currency's scale.
 */
final class StripeWebhookObjects {
    private StripeWebhookObjects() {}

    /** What one verified event asks billing to do. */
    sealed interface Effect {}

    /** checkout.session.completed: the user behind a Stripe customer and subscription. */
    record Link(String sessionId, UUID userId, String customerId, String subscriptionId) implements Effect {}

    /** invoice.paid. */
    record InvoicePaid(
            String invoiceId,
            String customerId,
            UUID metadataUser,
            Money amount,
            String chargeId,
            String paymentIntentId,
            String priceId,
            String fingerprint,
            Instant paidAt)
            implements Effect {
        /** Without its charge expanded (every real webhook): its charge and card are asked of Stripe. */
        boolean needsStripe() {
            return !amount.isZero() && fingerprint == null;
        }

        InvoicePaid with(String charge, String intent, String cardFingerprint) {
            return new InvoicePaid(
                    invoiceId, customerId, metadataUser, amount, charge, intent, priceId, cardFingerprint, paidAt);
        }
    }

    /** One refund or dispute: money given back on a charge. */
    record GiveBack(String id, Money amount, Instant at) {}

    /**
     * Refunds of a charge or payment intent, each announced once by its refund id: the one refund of
     * refund.created / refund.updated, or every refund the charge of a charge.refunded has. Since API
     * 2022-11-15 charge.refunded carries no refunds list: then {@code listFromStripe} and the service
     * lists the charge's refunds from Stripe before applying.
     */
    record Refunds(String chargeId, String paymentIntentId, List<GiveBack> refunds, boolean listFromStripe)
            implements Effect {
        Refunds with(List<GiveBack> listed) {
            return new Refunds(chargeId, paymentIntentId, listed, false);
        }
    }

    /** charge.dispute.created / closed; {@code withdrawn} false for a dispute closed won. */
    record Dispute(String chargeId, String paymentIntentId, GiveBack dispute, boolean withdrawn) implements Effect {}

    /** customer.subscription.created / updated / deleted. */
    record SubscriptionState(
            String subscriptionId,
            String customerId,
            UUID metadataUser,
            BillingStatus status,
            boolean deleted,
            String priceId,
            Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            boolean current)
            implements Effect {
        /**
         * Stripe's state of the subscription now, asked when this event ties in {@code created} with
         * the state applied last ({@code current}; Stripe's seconds cannot order the two).
         */
        SubscriptionState now(BillingStatus st, String price, Instant periodEnd, boolean cancel) {
            return new SubscriptionState(
                    subscriptionId,
                    customerId,
                    metadataUser,
                    st,
                    deleted || st == BillingStatus.CANCELED,
                    price == null ? priceId : price,
                    periodEnd == null ? currentPeriodEnd : periodEnd,
                    cancel,
                    true);
        }

        /** The event's own state, trusted for a tie (Stripe does not know the subscription). */
        SubscriptionState asCurrent() {
            return new SubscriptionState(
                    subscriptionId,
                    customerId,
                    metadataUser,
                    status,
                    deleted,
                    priceId,
                    currentPeriodEnd,
                    cancelAtPeriodEnd,
                    true);
        }
    }

    /** A type billing does not act on (or an object it has no business with): recorded, no effect. */
    record Unhandled() implements Effect {}

    static final List<String> HANDLED = List.of(
            "checkout.session.completed",
            "invoice.paid",
            "charge.refunded",
            "refund.created",
            "refund.updated",
            "charge.dispute.created",
            "charge.dispute.closed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted");

    static Effect read(String type, JsonNode o, Instant eventCreated) {
        if (o == null || !o.isObject()) {
            throw malformed("data.object is not an object");
        }
        return switch (type) {
            case "checkout.session.completed" -> link(o);
            case "invoice.paid" -> invoicePaid(o, eventCreated);
            case "charge.refunded" -> refunds(o, eventCreated);
            case "refund.created", "refund.updated" -> refund(o, eventCreated);
            case "charge.dispute.created", "charge.dispute.closed" -> dispute(type, o, eventCreated);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                subscription(type, o, eventCreated);
            default -> new Unhandled();
        };
    }

    private static Effect link(JsonNode o) {
        if (!"subscription".equals(text(o, "mode"))) {
            return new Unhandled(); // a one-off payment session: nothing billing sells
        }
        UUID user = uuid(text(o, "client_reference_id"));
        if (user == null) {
            user = uuid(text(o.path("metadata"), "user_id"));
        }
        return new Link(requiredText(o, "id"), user, requiredId(o, "customer"), requiredId(o, "subscription"));
    }

    private static Effect invoicePaid(JsonNode o, Instant eventCreated) {
        String invoiceId = requiredText(o, "id");
        Currency currency = currency(o, "currency");
        Money amount = Money.ofMinor(minor(o, "amount_paid"), currency);
        JsonNode charge = o.get("charge");
        String chargeId = id(o, "charge");
        String intentId = id(o, "payment_intent");
        String fingerprint = null;
        if (charge != null && charge.isObject()) {
            fingerprint = text(charge.path("payment_method_details").path("card"), "fingerprint");
        }
        String priceId = null;
        JsonNode lines = o.path("lines").path("data");
        if (lines.isArray() && !lines.isEmpty()) {
            JsonNode line = lines.get(0);
            priceId = id(line, "price");
            if (priceId == null) {
                priceId = text(line.path("pricing").path("price_details"), "price");
            }
        }
        Instant paidAt = epoch(o.path("status_transitions"), "paid_at");
        UUID metaUser = uuid(text(o.path("subscription_details").path("metadata"), "user_id"));
        if (metaUser == null) {
            metaUser = uuid(text(o.path("parent").path("subscription_details").path("metadata"), "user_id"));
        }
        return new InvoicePaid(
                invoiceId,
                id(o, "customer"),
                metaUser,
                amount,
                chargeId,
                intentId,
                priceId,
                fingerprint,
                paidAt == null ? eventCreated : paidAt);
    }

    private static Effect refunds(JsonNode o, Instant eventCreated) {
        String chargeId = requiredText(o, "id");
        Currency currency = currency(o, "currency");
        String intentId = id(o, "payment_intent");
        JsonNode list = o.get("refunds");
        if (list == null || list.isNull()) { // API 2022-11-15+: no list in the event, ask Stripe
            minor(o, "amount_refunded");
            return new Refunds(chargeId, intentId, List.of(), true);
        }
        JsonNode data = list.path("data");
        if (!data.isArray()) {
            throw malformed("charge.refunds.data is not a list");
        }
        List<GiveBack> out = new ArrayList<>();
        for (JsonNode r : data) {
            if (!r.isObject()) {
                throw malformed("a refund is not an object");
            }
            GiveBack g = refundOf(r, eventCreated);
            if (!g.amount().currency().equals(currency)) {
                throw malformed("a refund's currency differs from its charge's");
            }
            if (succeeded(r)) {
                out.add(g);
            }
        }
        return new Refunds(chargeId, intentId, out, false);
    }

    /** refund.created / refund.updated: the Refund object; it gives money back once succeeded. */
    private static Effect refund(JsonNode o, Instant eventCreated) {
        GiveBack g = refundOf(o, eventCreated);
        String chargeId = id(o, "charge");
        String intentId = id(o, "payment_intent");
        if (chargeId == null && intentId == null) {
            return new Unhandled(); // a refund of something billing never sold (no charge, no intent)
        }
        return new Refunds(chargeId, intentId, succeeded(o) ? List.of(g) : List.of(), false);
    }

    /**
     * A refund counts once its status is {@code succeeded}: a pending one can still fail or be
     * canceled (Stripe then sends refund.updated again, and the succeeded one is announced).
     */
    static boolean succeeded(JsonNode refund) {
        return "succeeded".equals(text(refund, "status"));
    }

    static GiveBack refundOf(JsonNode r, Instant eventCreated) {
        Money amount = Money.ofMinor(minor(r, "amount"), currency(r, "currency"));
        Instant at = epoch(r, "created");
        return new GiveBack(requiredText(r, "id"), amount, at == null ? eventCreated : at);
    }

    private static Effect dispute(String type, JsonNode o, Instant eventCreated) {
        String id = requiredText(o, "id");
        Money amount = Money.ofMinor(minor(o, "amount"), currency(o, "currency"));
        String status = text(o, "status");
        boolean withdrawn = type.equals("charge.dispute.created") || "lost".equals(status);
        Instant at = epoch(o, "created");
        return new Dispute(
                requiredId(o, "charge"),
                id(o, "payment_intent"),
                new GiveBack(id, amount, at == null ? eventCreated : at),
                withdrawn);
    }

    private static Effect subscription(String type, JsonNode o, Instant eventCreated) {
        boolean deleted = type.equals("customer.subscription.deleted");
        String statusText = requiredText(o, "status");
        BillingStatus status = BillingStatus.ofStripe(statusText)
                .orElseThrow(() -> malformed("unknown subscription status '" + statusText + "'"));
        JsonNode item = o.path("items").path("data").path(0);
        String priceId = id(item, "price");
        if (priceId == null) {
            priceId = id(item, "plan");
        }
        Instant periodEnd = epoch(item, "current_period_end");
        if (periodEnd == null) {
            periodEnd = epoch(o, "current_period_end");
        }
        if (periodEnd == null && deleted) { // SubscriptionChanged requires one: a deleted one ended then
            periodEnd = epoch(o, "ended_at");
            periodEnd = periodEnd == null ? eventCreated : periodEnd;
        }
        if (periodEnd == null) {
            throw malformed("the subscription has no current_period_end");
        }
        JsonNode cancel = o.get("cancel_at_period_end");
        if (cancel != null && !cancel.isNull() && !cancel.isBoolean()) {
            throw malformed("cancel_at_period_end is not a boolean");
        }
        return new SubscriptionState(
                requiredText(o, "id"),
                requiredId(o, "customer"),
                uuid(text(o.path("metadata"), "user_id")),
                deleted ? BillingStatus.CANCELED : status,
                deleted,
                priceId,
                periodEnd,
                cancel != null && cancel.asBoolean(),
                false);
    }

    // ---- strict field readers

    static ProblemException malformed(String detail) {
        return ProblemException.badRequest("stripe-event-malformed", "The Stripe event cannot be applied: " + detail);
    }

    /** A string field, or null when absent or null; anything else is malformed. */
    static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (!v.isTextual()) {
            throw malformed(field + " is not a string");
        }
        return v.asText();
    }

    static String requiredText(JsonNode o, String field) {
        return present(text(o, field), field);
    }

    private static String present(String s, String field) {
        if (s == null || s.isBlank()) {
            throw malformed(field + " is missing");
        }
        return s;
    }

    /** An id field that Stripe may send as the id or as the expanded object. */
    static String id(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v != null && v.isObject()) {
            return requiredText(v, "id");
        }
        return text(o, field);
    }

    static String requiredId(JsonNode o, String field) {
        return present(id(o, field), field);
    }

    /** A non-negative whole number of minor units. */
    static long minor(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw malformed(field + " is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed(field + " is not a whole number of minor units");
        }
        long n = v.longValue();
        if (n < 0) {
            throw malformed(field + " is negative");
        }
        return n;
    }

    static Currency currency(JsonNode o, String field) {
        String c = requiredText(o, field);
        if (!c.matches("[A-Za-z]{3}")) {
            throw malformed(field + " is not a currency code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(c.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(field + " is not a currency code");
        }
        if (currency.getDefaultFractionDigits() < 0 || MINOR_UNITS_DIFFER.contains(currency.getCurrencyCode())) {
            throw malformed(field + " " + currency.getCurrencyCode()
                    + " is not supported: Stripe's minor units differ from ISO 4217's for it");
        }
        return currency;
    }

    /**
     * Currencies whose Stripe amounts are not in ISO 4217 minor units (ISK: Stripe counts hundredths,
     * ISO none), so {@code Money.ofMinor} would misread them; docs/money.md.
     */
    static final java.util.Set<String> MINOR_UNITS_DIFFER = java.util.Set.of("ISK");

    static Instant epoch(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw malformed(field + " is not a Unix time");
        }
        return Instant.ofEpochSecond(v.longValue());
    }

    static UUID uuid(String s) {
        if (s == null) {
            return null;
        }
        try {
            UUID u = UUID.fromString(s);
            return u.toString().equalsIgnoreCase(s) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
