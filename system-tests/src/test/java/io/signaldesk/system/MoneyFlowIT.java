package io.signaldesk.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.signaldesk.localstack.GatewayApi;
import io.signaldesk.localstack.StripeWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, must-show 1, on the six packaged services over real Kafka, everything through the
 * gateway as a browser, Stripe and an admin would: an affiliate's link is clicked, the visitor signs
 * up with its cookie, Stripe reports their paid invoice, the affiliate earns a PENDING commission
 * of exactly 20% of it, the hold elapses, the commission is released, a payout run sends one
 * Transfer of that amount keyed by the payout id, the ledger shows it paid; a refund afterwards
 * claws it back (the affiliate then owes it, and payout-service carries the negative balance).
 */
class MoneyFlowIT {
    static GatewayApi api;
    static String admin;

    @BeforeAll
    static void up() {
        RunningSuite.get();
        api = new GatewayApi(RunningSuite.gateway());
        admin = api.login("admin@system.test", "admin-password-system");
    }

    /**
     * The referred visitor's own machine: requests from another loopback address (127.0.0.2), so the
     * gateway sees another client IP than the affiliate's and the self-referral check (same network)
     * does not hold the commission.
     */
    static RestAssuredConfig fromAnotherMachine() {
        try {
            return RestAssuredConfig.config()
                    .httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2")));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String register(String email, String sdRefCookie) {
        var req = given().baseUri(RunningSuite.gateway()).contentType(ContentType.JSON);
        if (sdRefCookie != null) {
            req = req.config(fromAnotherMachine()).header("User-Agent", "Mozilla/5.0 (referred visitor)");
        }
        if (sdRefCookie != null) {
            req = req.cookie("sd_ref", sdRefCookie);
        }
        return req.body(new JsonObject()
                        .put("email", email)
                        .put("password", "system test password")
                        .encode())
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Response webhook(String eventId, String type, JsonObject object) {
        String payload = StripeWebhooks.event(
                eventId, type, object.encode(), Instant.now().getEpochSecond());
        return given().baseUri(RunningSuite.gateway())
                .contentType("application/json; charset=utf-8")
                .header(
                        "Stripe-Signature",
                        StripeWebhooks.signature(
                                payload,
                                RunningSuite.STRIPE_WEBHOOK_SECRET,
                                Instant.now().getEpochSecond()))
                .body(payload)
                .post("/api/v1/billing/webhook");
    }

    static JsonObject earnings(String token) {
        JsonObject d = new JsonObject(
                api.get("/api/v1/affiliates/me/dashboard", token).expect(200).body());
        JsonArray e = d.getJsonArray("earnings");
        return e.isEmpty() ? new JsonObject() : e.getJsonObject(0);
    }

    static String amount(JsonObject earnings, String account) {
        JsonObject m = earnings.getJsonObject(account);
        return m == null ? null : m.getString("amount");
    }

    static JsonObject payouts(String token) {
        return new JsonObject(api.get("/api/v1/payouts/me", token).expect(200).body());
    }

    @Test
    void clickSignupPaymentHoldReleasePayoutAndRefund() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // 1. a trader becomes an affiliate and shares the link
        String affiliateEmail = "aff-" + tag + "@system.test";
        String affiliateId = register(affiliateEmail, null);
        String affiliate = api.login(affiliateEmail, "system test password");
        JsonObject me = new JsonObject(
                api.post("/api/v1/affiliates", affiliate, "{}").expect(201).body());
        String code = me.getString("code");

        // 2. a visitor opens it: a click, a redirect to the signup page, the attribution cookie
        Response click = given().baseUri(RunningSuite.gateway())
                .config(fromAnotherMachine())
                .redirects()
                .follow(false)
                .header("User-Agent", "Mozilla/5.0 (system test " + tag + ")")
                .get("/r/" + code);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.header("Location")).contains("ref=" + code);
        assertThat(click.getCookie("sd_ref")).isEqualTo(code);
        assertThat(click.getDetailedCookie("sd_ref").isHttpOnly()).isTrue();

        // 3. they sign up later; the form does not repeat the code, the cookie carries it
        String referredEmail = "ref-" + tag + "@system.test";
        String referredId = register(referredEmail, click.getCookie("sd_ref"));

        // 4. they buy PRO in Stripe Checkout, and Stripe reports the paid invoice (29.00 USD)
        String customer = "cus_" + tag;
        String subscription = "sub_" + tag;
        String charge = "ch_" + tag;
        webhook(
                        "evt_cs_" + tag,
                        "checkout.session.completed",
                        new JsonObject()
                                .put("id", "cs_test_" + tag)
                                .put("object", "checkout.session")
                                .put("mode", "subscription")
                                .put("client_reference_id", referredId)
                                .put("customer", customer)
                                .put("subscription", subscription)
                                .put("status", "complete")
                                .put(
                                        "metadata",
                                        new JsonObject()
                                                .put("user_id", referredId)
                                                .put("plan", "PRO")))
                .then()
                .statusCode(200);
        JsonObject invoice = new JsonObject()
                .put("id", "in_" + tag)
                .put("object", "invoice")
                .put("customer", customer)
                .put("subscription", subscription)
                .put("amount_paid", 2900)
                .put("currency", "usd")
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
                                                .put("card", new JsonObject().put("fingerprint", "fp_" + tag))))
                .put(
                        "status_transitions",
                        new JsonObject().put("paid_at", Instant.now().getEpochSecond()))
                .put(
                        "lines",
                        new JsonObject()
                                .put("object", "list")
                                .put(
                                        "data",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("id", "il_" + tag)
                                                        .put("object", "line_item")
                                                        .put(
                                                                "price",
                                                                new JsonObject().put("id", "price_pro_monthly")))));
        webhook("evt_in_" + tag, "invoice.paid", invoice).then().statusCode(200);
        // Stripe redelivers: no second payment, no second commission
        webhook("evt_in_" + tag, "invoice.paid", invoice).then().statusCode(200);

        // the visitor came from another machine than the affiliate: no fraud case holds the commission
        // 5. a PENDING commission of exactly 20% (the first tier) of 29.00, not yet payable
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(amount(earnings(affiliate), "pending")).isEqualTo("5.80"));
        assertThat(payable(affiliate)).isIn(null, "0.00");

        // 6. the hold elapses (6 s here, 30 days in production): released, and payable at payout-service
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(amount(earnings(affiliate), "available")).isEqualTo("5.80"));
        assertThat(amount(earnings(affiliate), "pending")).isEqualTo("0.00");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(payable(affiliate)).isEqualTo("5.80"));

        // 7. the affiliate onboards Stripe Connect; an admin starts a payout run
        JsonObject link = new JsonObject(
                api.post("/api/v1/payouts/connect", affiliate, "{}").expect(200).body());
        assertThat(link.getString("url")).startsWith(RunningSuite.stripe.baseUrl() + "/connect/onboarding/acct_");
        String account = link.getString("url").substring(link.getString("url").lastIndexOf('/') + 1);
        // a trader may not start one
        api.post("/api/v1/payouts/run", affiliate, "{}").expect(403);
        api.post("/api/v1/payouts/run", admin, "{}").expect(200);

        JsonObject paid = payouts(affiliate).getJsonArray("payouts").getJsonObject(0);
        assertThat(paid.getString("state")).isEqualTo("PAID");
        assertThat(paid.getJsonObject("amount").getString("amount")).isEqualTo("5.80");
        String payoutId = paid.getString("id");
        // exactly one Transfer: 580 cents to the affiliate's account, keyed by the payout id
        assertThat(RunningSuite.stripe.transferRequests(payoutId)).isEqualTo(1);
        List<JsonObject> transfers = RunningSuite.stripe.transfers().stream()
                .map(JsonObject::new)
                .filter(t -> payoutId.equals(t.getString("transfer_group")))
                .toList();
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).getLong("amount")).isEqualTo(580L);
        assertThat(transfers.get(0).getString("currency")).isEqualTo("usd");
        assertThat(transfers.get(0).getString("destination")).isEqualTo(account);
        assertThat(paid.getString("transferId")).isEqualTo(transfers.get(0).getString("id"));
        // a second run has nothing to pay
        api.post("/api/v1/payouts/run", admin, "{}").expect(200);
        assertThat(RunningSuite.stripe.transferRequests(payoutId)).isEqualTo(1);

        // 8. the affiliate's ledger shows it paid
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(amount(earnings(affiliate), "paid")).isEqualTo("5.80"));
        assertThat(amount(earnings(affiliate), "available")).isEqualTo("0.00");
        assertThat(payable(affiliate)).isEqualTo("0.00");

        // 9. the referred user is refunded in full: the paid commission is clawed back
        webhook(
                        "evt_rf_" + tag,
                        "charge.refunded",
                        new JsonObject()
                                .put("id", charge)
                                .put("object", "charge")
                                .put("amount", 2900)
                                .put("amount_refunded", 2900)
                                .put("currency", "usd")
                                .put("refunded", true)
                                .put("customer", customer)
                                .put(
                                        "refunds",
                                        new JsonObject()
                                                .put("object", "list")
                                                .put(
                                                        "data",
                                                        new JsonArray()
                                                                .add(new JsonObject()
                                                                        .put("id", "re_" + tag)
                                                                        .put("object", "refund")
                                                                        .put("amount", 2900)
                                                                        .put("currency", "usd")
                                                                        .put("status", "succeeded")
                                                                        .put(
                                                                                "created",
                                                                                Instant.now()
                                                                                        .getEpochSecond())))))
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(amount(earnings(affiliate), "owed")).isEqualTo("5.80"));
        assertThat(amount(earnings(affiliate), "paid")).isEqualTo("5.80"); // what was paid stays paid
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(payable(affiliate)).isEqualTo("-5.80"));
        // nothing is paid while the balance is negative
        api.post("/api/v1/payouts/run", admin, "{}").expect(200);
        assertThat(payouts(affiliate).getJsonArray("payouts")).hasSize(1);

        assertThat(new JsonArray(api.get("/api/v1/affiliates/fraud-cases", admin)
                                .expect(200)
                                .body())
                        .stream()
                                .map(c -> ((JsonObject) c).getString("affiliateId"))
                                .toList())
                .doesNotContain(affiliateId);
        // the ledger balances: every entry, and stored balances equal those recomputed from postings
        JsonObject check = new JsonObject(
                api.get("/api/v1/affiliates/ledger/check", admin).expect(200).body());
        assertThat(check.getBoolean("consistent")).isTrue();
        // and another trader cannot read this affiliate's dashboard
        api.get("/api/v1/affiliates/" + affiliateId + "/dashboard", api.login(referredEmail, "system test password"))
                .expect(403);
    }

    static String payable(String token) {
        JsonArray balances = payouts(token).getJsonArray("balances");
        for (int i = 0; i < balances.size(); i++) {
            JsonObject b = balances.getJsonObject(i);
            if ("USD".equals(b.getString("currency"))) {
                return b.getJsonObject("payable").getString("amount");
            }
        }
        return null;
    }
}
