package io.signaldesk.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.payout.BillingFixture.PROBLEM;
import static io.signaldesk.payout.BillingFixture.now;
import static io.signaldesk.payout.BillingFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plans, checkout through stripe-java against the fake Stripe, the user's subscription and its cancellation. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeStripeResource.class, restrictToAnnotatedClass = false)
class BillingApiTest {
    static Map<String, String> sessionOf(UUID user) {
        List<Map<String, String>> mine = FakeStripeResource.stripe.checkoutSessions().stream()
                .filter(s -> user.toString().equals(s.get("client_reference_id")))
                .toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    static io.restassured.response.Response checkout(UUID user, String body) {
        return given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/billing/checkout");
    }

    /** A user on PRO through the webhooks, with their Stripe subscription known to the fake. */
    static BillingFixture.Linked onPro() {
        BillingFixture.Linked l = BillingFixture.linked();
        BillingFixture.subscriptionUpdated(l, "active", "price_pro_monthly", now() + 86400, false, now())
                .then()
                .statusCode(200);
        FakeStripeResource.stripe.putSubscription(l.subscription(), l.customer(), "active", now() + 86400);
        return l;
    }

    @Test
    void thePlansAreListedWithExactPricesAndEntitlements() {
        given().auth()
                .oauth2(token(UUID.randomUUID()))
                .get("/api/v1/billing/plans")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("FREE", "PRO", "ELITE")))
                .body("price", equalTo(List.of("0.00", "29.00", "99.00")))
                .body("currency", equalTo(List.of("USD", "USD", "USD")))
                .body("entitlements.maxDevices", equalTo(List.of(1, 3, 10)))
                .body("entitlements.maxSubscriptions", equalTo(List.of(1, 10, 50)));
        given().get("/api/v1/billing/plans").then().statusCode(401);
    }

    @Test
    void aNewUserIsOnFree() {
        BillingFixture.mySubscription(UUID.randomUUID())
                .body("tier", equalTo("FREE"))
                .body("status", equalTo("NONE"))
                .body("entitlements.maxDevices", equalTo(1))
                .body("entitlements.maxSubscriptions", equalTo(1));
    }

    @Test
    void checkoutCreatesAStripeSessionForThePlansPriceAndReturnsItsUrl() {
        UUID user = UUID.randomUUID();
        String url = checkout(user, "{\"plan\":\"PRO\"}")
                .then()
                .statusCode(200)
                .body("url", startsWith(FakeStripeResource.stripe.baseUrl() + "/checkout/cs_test_"))
                .body("sessionId", startsWith("cs_test_"))
                .extract()
                .path("url");
        Map<String, String> sent = sessionOf(user);
        assertThat(sent)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", "price_pro_monthly")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("client_reference_id", user.toString())
                .containsEntry("metadata[user_id]", user.toString())
                .containsEntry("metadata[plan]", "PRO")
                .containsEntry("subscription_data[metadata][user_id]", user.toString())
                .containsEntry("success_url", "http://localhost:8080/billing/success?session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", "http://localhost:8080/billing/cancelled")
                .doesNotContainKey("customer");
    }

    @Test
    void aKnownCustomerChecksOutAsThemselvesAndAnActivePlanCannotBeBoughtTwice() {
        BillingFixture.Linked pro = onPro();
        UUID user = pro.user();
        checkout(user, "{\"plan\":\"PRO\"}")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/subscription-exists"));
        // a second live subscription is refused too: plans change in Stripe's billing portal
        checkout(user, "{\"plan\":\"ELITE\"}")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/subscription-exists"));
        assertThat(FakeStripeResource.stripe.checkoutSessions())
                .noneMatch(s -> user.toString().equals(s.get("client_reference_id")));
        // once the subscription ended, checkout is open again, as the known customer
        BillingFixture.deliver(BillingFixture.event(
                        BillingFixture.id("evt_"),
                        "customer.subscription.deleted",
                        BillingFixture.subscription(
                                pro.subscription(),
                                pro.customer(),
                                "canceled",
                                "price_pro_monthly",
                                now(),
                                false,
                                null),
                        now() + 1))
                .then()
                .statusCode(200);
        checkout(user, "{\"plan\":\"ELITE\"}").then().statusCode(200);
        assertThat(sessionOf(user))
                .containsEntry("customer", pro.customer())
                .containsEntry("line_items[0][price]", "price_elite_monthly");
    }

    @Test
    void aSubscriptionThatIsUnpaidOrPausedIsStillTheOneLiveSubscriptionSoCheckoutIsAConflict() {
        // Stripe keeps an unpaid or paused subscription: a second one would be charged while its own
        // events are ignored (only one subscription per user counts), so the user pays and stays FREE
        for (String status : List.of("unpaid", "paused", "incomplete")) {
            BillingFixture.Linked pro = onPro();
            BillingFixture.deliver(BillingFixture.event(
                            BillingFixture.id("evt_"),
                            "customer.subscription.updated",
                            BillingFixture.subscription(
                                    pro.subscription(),
                                    pro.customer(),
                                    status,
                                    "price_pro_monthly",
                                    now() + 86400,
                                    false,
                                    null),
                            now() + 1))
                    .then()
                    .statusCode(200);
            checkout(pro.user(), "{\"plan\":\"PRO\"}")
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/subscription-exists"));
            assertThat(FakeStripeResource.stripe.checkoutSessions())
                    .as(status)
                    .noneMatch(s -> pro.user().toString().equals(s.get("client_reference_id")));
        }
    }

    @Test
    void aSecondCheckoutExpiresTheOpenOneAndAfterACompletedOneIsAConflict() {
        UUID user = UUID.randomUUID();
        String first = checkout(user, "{\"plan\":\"PRO\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("sessionId");
        String second = checkout(user, "{\"plan\":\"ELITE\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("sessionId");
        assertThat(FakeStripeResource.stripe.checkoutSessionStatus(first)).isEqualTo("expired");
        assertThat(FakeStripeResource.stripe.checkoutSessionStatus(second)).isEqualTo("open");
        FakeStripeResource.stripe.completeCheckoutSession(second);
        checkout(user, "{\"plan\":\"PRO\"}")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/subscription-exists"));
        assertThat(FakeStripeResource.stripe.checkoutSessions().stream()
                        .filter(s -> user.toString().equals(s.get("client_reference_id"))))
                .hasSize(2);
    }

    @Test
    void unknownFreeOrMissingPlansAreRefusedAndNothingIsSentToStripe() {
        UUID user = UUID.randomUUID();
        checkout(user, "{\"plan\":\"PLATINUM\"}")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/unknown-plan"));
        checkout(user, "{\"plan\":\"FREE\"}")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/plan-not-purchasable"));
        checkout(user, "{}").then().statusCode(400).body("type", equalTo("https://signaldesk.io/problems/validation"));
        checkout(user, "{\"plan\":12,").then().statusCode(400).contentType(PROBLEM);
        checkout(user, "{\"plan\":\"PRO\",\"price\":\"0.01\"}").then().statusCode(400);
        assertThat(FakeStripeResource.stripe.checkoutSessions())
                .noneMatch(s -> user.toString().equals(s.get("client_reference_id")));
        given().contentType(ContentType.JSON)
                .body("{\"plan\":\"PRO\"}")
                .post("/api/v1/billing/checkout")
                .then()
                .statusCode(401);
    }

    @Test
    void aStripeFailureIsABadGatewayProblemNeverA500() {
        StubMapping failing = FakeStripeResource.stripe
                .server()
                .stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
        try {
            checkout(UUID.randomUUID(), "{\"plan\":\"PRO\"}")
                    .then()
                    .statusCode(502)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/stripe-error"));
        } finally {
            FakeStripeResource.stripe.server().removeStub(failing);
        }
    }

    @Test
    void cancelSetsCancelAtPeriodEndInStripeAndTheTierHoldsUntilThen() {
        BillingFixture.Linked pro = onPro();
        UUID user = pro.user();
        given().auth()
                .oauth2(token(user))
                .post("/api/v1/billing/subscription/cancel")
                .then()
                .statusCode(200)
                .body("tier", equalTo("PRO"))
                .body("cancelAtPeriodEnd", equalTo(true));
        assertThat(FakeStripeResource.stripe.requests("POST", "/v1/subscriptions/" + pro.subscription()))
                .isEqualTo(1);
        assertThat(FakeStripeResource.stripe
                        .server()
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo("/v1/subscriptions/" + pro.subscription())))
                        .get(0)
                        .getBodyAsString())
                .contains("cancel_at_period_end=true");
        assertThat(count("SELECT count(*) FROM payout.billing_accounts WHERE user_id = '" + user
                        + "' AND cancel_at_period_end AND tier = 'PRO'"))
                .isEqualTo(1);
    }

    @Test
    void cancellingWithoutASubscriptionIsAConflict() {
        given().auth()
                .oauth2(token(UUID.randomUUID()))
                .post("/api/v1/billing/subscription/cancel")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/no-subscription"));
    }
}
