package io.signaldesk.payout;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.signaldesk.localstack.StripeWebhooks;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Stripe objects as Stripe sends them in webhooks, signed exactly as Stripe signs, and users' tokens. */
final class BillingFixture {
    static final String PROBLEM = "application/problem+json";

    private BillingFixture() {}

    static String token(UUID user) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(user.toString())
                .groups(Set.of("trader"))
                .expiresIn(300)
                .sign();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A Stripe event around {@code object}, created at {@code created}. */
    static String event(String eventId, String type, JsonObject object, long created) {
        return StripeWebhooks.event(eventId, type, object.encode(), created);
    }

    /** Posts {@code payload} as Stripe would, signed now with the test secret. */
    static Response deliver(String payload) {
        return deliver(payload, StripeWebhooks.signature(payload, FakeStripeResource.WEBHOOK_SECRET, now()));
    }

    static Response deliver(String payload, String signature) {
        var req = given().contentType("application/json; charset=utf-8").body(payload);
        if (signature != null) {
            req = req.header("Stripe-Signature", signature);
        }
        return req.post("/api/v1/billing/webhook");
    }

    /** A user who completed checkout: Stripe's customer and subscription linked to them. */
    record Linked(UUID user, String customer, String subscription) {}

    static Linked linked() {
        UUID user = UUID.randomUUID();
        String customer = id("cus_");
        String sub = id("sub_");
        deliver(event(id("evt_"), "checkout.session.completed", checkoutSession(user, customer, sub), now()))
                .then()
                .statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("applied"));
        return new Linked(user, customer, sub);
    }

    /** Delivers a customer.subscription.updated for the linked user, created at {@code created}. */
    static Response subscriptionUpdated(
            Linked l, String status, String priceId, long periodEnd, boolean cancel, long created) {
        return deliver(event(
                id("evt_"),
                "customer.subscription.updated",
                subscription(l.subscription(), l.customer(), status, priceId, periodEnd, cancel, null),
                created));
    }

    /** GET /api/v1/billing/subscription as the user, answered 200. */
    static io.restassured.response.ValidatableResponse mySubscription(UUID user) {
        return given().auth()
                .oauth2(token(user))
                .get("/api/v1/billing/subscription")
                .then()
                .statusCode(200);
    }

    static JsonObject checkoutSession(UUID user, String customer, String subscription) {
        return new JsonObject()
                .put("id", id("cs_test_"))
                .put("object", "checkout.session")
                .put("mode", "subscription")
                .put("client_reference_id", user.toString())
                .put("customer", customer)
                .put("subscription", subscription)
                .put("status", "complete")
                .put(
                        "metadata",
                        new JsonObject().put("user_id", user.toString()).put("plan", "PRO"));
    }

    static JsonObject subscription(
            String id, String customer, String status, String priceId, long periodEnd, boolean cancel, UUID user) {
        JsonObject item = new JsonObject()
                .put("id", "si_" + id)
                .put("object", "subscription_item")
                .put("current_period_end", periodEnd)
                .put("price", new JsonObject().put("id", priceId).put("object", "price"));
        JsonObject s = new JsonObject()
                .put("id", id)
                .put("object", "subscription")
                .put("customer", customer)
                .put("status", status)
                .put("cancel_at_period_end", cancel)
                .put("items", new JsonObject().put("object", "list").put("data", new JsonArray().add(item)));
        if (user != null) {
            s.put("metadata", new JsonObject().put("user_id", user.toString()));
        }
        return s;
    }

    /** A paid invoice; its charge is expanded so the card fingerprint comes with it. */
    static JsonObject invoice(String id, String customer, Object amountPaid, String currency, String charge) {
        return new JsonObject()
                .put("id", id)
                .put("object", "invoice")
                .put("customer", customer)
                .put("amount_paid", amountPaid)
                .put("currency", currency)
                .put("status", "paid")
                .put(
                        "charge",
                        new JsonObject()
                                .put("id", charge)
                                .put("object", "charge")
                                .put(
                                        "payment_method_details",
                                        new JsonObject()
                                                .put("type", "card")
                                                .put("card", new JsonObject().put("fingerprint", "fp_card_1"))))
                .put("status_transitions", new JsonObject().put("paid_at", 1_780_000_000L))
                .put(
                        "lines",
                        new JsonObject()
                                .put("object", "list")
                                .put(
                                        "data",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("id", "il_1")
                                                        .put("object", "line_item")
                                                        .put(
                                                                "price",
                                                                new JsonObject().put("id", "price_pro_monthly")))));
    }

    /**
     * A paid invoice as Stripe sends it since basil (2025-03-31): no {@code charge} (its payments are
     * InvoicePayment objects, fetched from Stripe), the price under {@code pricing.price_details} and
     * the subscription's metadata under {@code parent.subscription_details}.
     */
    static JsonObject realInvoice(String id, String customer, long amountPaid, String currency) {
        return new JsonObject()
                .put("id", id)
                .put("object", "invoice")
                .put("customer", customer)
                .put("amount_paid", amountPaid)
                .put("currency", currency)
                .put("status", "paid")
                .put("status_transitions", new JsonObject().put("paid_at", 1_780_000_000L))
                .put(
                        "parent",
                        new JsonObject()
                                .put("type", "subscription_details")
                                .put("subscription_details", new JsonObject().put("subscription", id("sub_"))))
                .put(
                        "lines",
                        new JsonObject()
                                .put("object", "list")
                                .put(
                                        "data",
                                        new JsonArray()
                                                .add(
                                                        new JsonObject()
                                                                .put("id", "il_1")
                                                                .put("object", "line_item")
                                                                .put(
                                                                        "pricing",
                                                                        new JsonObject()
                                                                                .put("type", "price_details")
                                                                                .put(
                                                                                        "price_details",
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "price",
                                                                                                        "price_pro_monthly"))))));
    }

    /** A real-shaped paid invoice whose payment (intent and charge, paid by card {@code fingerprint}) Stripe knows. */
    record RealPayment(String invoice, String intent, String charge) {}

    static RealPayment stripeKnowsPayment(long amount, String fingerprint) {
        RealPayment p = new RealPayment(id("in_"), id("pi_"), id("ch_"));
        FakeStripeResource.stripe.putInvoicePayment(p.invoice(), p.intent(), p.charge(), amount, "usd");
        FakeStripeResource.stripe.putCharge(p.charge(), p.intent(), amount, "usd", fingerprint);
        return p;
    }

    /** A Refund object as refund.created / refund.updated carry it (charge and intent as ids). */
    static JsonObject refundObject(String id, String charge, String intent, long amount, String status) {
        return new JsonObject()
                .put("id", id)
                .put("object", "refund")
                .put("amount", amount)
                .put("currency", "usd")
                .put("status", status)
                .put("charge", charge)
                .put("payment_intent", intent)
                .put("created", now());
    }

    /** A Charge as charge.refunded carries it since 2022-11-15: no refunds list, only amount_refunded. */
    static JsonObject realCharge(String id, String intent, long amount, long amountRefunded) {
        return new JsonObject()
                .put("id", id)
                .put("object", "charge")
                .put("amount", amount)
                .put("amount_refunded", amountRefunded)
                .put("currency", "usd")
                .put("refunded", amountRefunded == amount)
                .put("payment_intent", intent);
    }

    static JsonObject refund(String id, long amount) {
        return new JsonObject()
                .put("id", id)
                .put("object", "refund")
                .put("amount", amount)
                .put("currency", "usd")
                .put("status", "succeeded")
                .put("created", now());
    }

    static JsonObject charge(String id, JsonObject... refunds) {
        JsonArray data = new JsonArray();
        long total = 0;
        for (JsonObject r : refunds) {
            data.add(r);
            total += r.getLong("amount");
        }
        return new JsonObject()
                .put("id", id)
                .put("object", "charge")
                .put("amount", 2900)
                .put("amount_refunded", total)
                .put("currency", "usd")
                .put("refunded", true)
                .put("refunds", new JsonObject().put("object", "list").put("data", data));
    }

    static JsonObject dispute(String id, String charge, long amount, String status) {
        return new JsonObject()
                .put("id", id)
                .put("object", "dispute")
                .put("charge", charge)
                .put("amount", amount)
                .put("currency", "usd")
                .put("status", status)
                .put("created", now());
    }
}
