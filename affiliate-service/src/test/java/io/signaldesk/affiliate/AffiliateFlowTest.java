package io.signaldesk.affiliate;

import static io.restassured.RestAssured.given;
import static io.signaldesk.affiliate.AffiliateFixture.*;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestSql;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The affiliate flow on real Postgres and Kafka: link, signup, commission, hold, release, payout, clawback. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class AffiliateFlowTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    static String q(String where) {
        return text("SELECT " + where);
    }

    @Test
    void clickSignupPaymentHoldReleasePayoutAndRefund() throws Exception {
        UUID affiliate = UUID.randomUUID();
        registered(affiliate, null, hex('1'), hex('2'));
        String code = enroll(affiliate);
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
        // again: the same affiliate, 200
        given().auth()
                .oauth2(token(affiliate))
                .post("/api/v1/affiliates")
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("link", equalTo("http://localhost:8080/r/" + code));
        given().auth()
                .oauth2(token(affiliate))
                .get("/api/v1/affiliates/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(affiliate.toString()))
                .body("code", equalTo(code));

        Response click = given().redirects()
                .follow(false)
                .header("X-Forwarded-For", "10.0.0.1, 203.0.113.7")
                .header("User-Agent", "Mozilla/5.0 test")
                .get("/r/" + code);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.header("Location")).isEqualTo("http://localhost:8080/signup?ref=" + code);
        assertThat(click.header("Set-Cookie"))
                .isEqualTo("sd_ref=" + code + "; Max-Age=5184000; Path=/; HttpOnly; SameSite=Lax");
        assertThat(count("SELECT count(*) FROM affiliate.clicks WHERE affiliate_id = '" + affiliate + "'"))
                .isEqualTo(1);
        String ipHash = q("ip_hash FROM affiliate.clicks WHERE affiliate_id = '" + affiliate + "'");
        assertThat(ipHash).hasSize(64).doesNotContain("203.0.113.7");

        UUID referred = UUID.randomUUID();
        registered(referred, code, hex('3'), hex('4'));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.referrals WHERE referred_user_id = '" + referred
                                + "' AND affiliate_id = '" + affiliate + "'")
                        == 1);

        UUID payment = UUID.randomUUID();
        paid(payment, referred, "29.00", null);
        await().atMost(WAIT)
                .until(() ->
                        count("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + payment + "'") == 1);
        assertThat(q("amount::text || ' ' || status FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("5.8000 PENDING");
        assertThat(balance(affiliate, "PENDING")).isEqualTo("5.8000");

        clock.advance(Duration.ofDays(31));
        await().atMost(WAIT)
                .until(() ->
                        "RELEASED".equals(q("status FROM affiliate.commissions WHERE payment_id = '" + payment + "'")));
        List<ConsumerRecord<String, String>> released =
                TestTopics.read("commissions.v1", r -> r.key().equals(affiliate.toString()), 1, Duration.ofSeconds(1));
        assertThat(released).hasSize(1);
        JsonObject ev = new JsonObject(released.get(0).value());
        assertThat(ev.getJsonObject("amount").getString("amount")).isEqualTo("5.80");
        assertThat(ev.getJsonObject("amount").getString("currency")).isEqualTo("USD");
        assertThat(new String(released.get(0).headers().lastHeader("ce_type").value()))
                .isEqualTo("io.signaldesk.EarningsReleased");
        assertThat(balance(affiliate, "AVAILABLE")).isEqualTo("5.8000");
        assertThat(balance(affiliate, "PENDING")).isEqualTo("0.0000");

        UUID payout = UUID.randomUUID();
        String payoutEvent = UUID.randomUUID().toString();
        send("payouts.v1", affiliate.toString(), "PayoutPaid", payoutEvent, payoutPaid(payout, affiliate, "5.80"));
        // a replay, and the same payout under another event id: no second effect
        send("payouts.v1", affiliate.toString(), "PayoutPaid", payoutEvent, payoutPaid(payout, affiliate, "5.80"));
        send(
                "payouts.v1",
                affiliate.toString(),
                "PayoutPaid",
                UUID.randomUUID().toString(),
                payoutPaid(payout, affiliate, "5.80"));
        await().atMost(WAIT).until(() -> "5.8000".equals(balance(affiliate, "PAID")));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.inbox WHERE consumer = 'affiliate-service.payouts'")
                        >= 2);
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE kind = 'PAYOUT' AND affiliate_id = '"
                        + affiliate + "'"))
                .isEqualTo(1);
        assertThat(balance(affiliate, "AVAILABLE")).isEqualTo("0.0000");

        // a full refund after the payout: the whole commission is reversed and owed back
        String refundEvent = UUID.randomUUID().toString();
        send(
                "billing.v1",
                referred.toString(),
                "PaymentRefunded",
                refundEvent,
                refund(payment, referred, "re_1", "29.00"));
        send(
                "billing.v1",
                referred.toString(),
                "PaymentRefunded",
                refundEvent,
                refund(payment, referred, "re_1", "29.00"));
        List<ConsumerRecord<String, String>> reversed = TestTopics.read(
                "commissions.v1",
                r -> r.key().equals(affiliate.toString())
                        && new String(r.headers().lastHeader("ce_type").value()).endsWith("EarningsReversed"),
                1,
                Duration.ofSeconds(2));
        assertThat(reversed).hasSize(1);
        JsonObject rev = new JsonObject(reversed.get(0).value());
        assertThat(rev.getJsonObject("amount").getString("amount")).isEqualTo("5.80");
        assertThat(rev.getString("reason")).isEqualTo("refund");
        assertThat(balance(affiliate, "CLAWBACK")).isEqualTo("5.8000");
        assertThat(balance(affiliate, "PAID")).isEqualTo("5.8000");
        assertThat(q("clawed_back::text FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("5.8000");

        UUID admin = UUID.randomUUID();
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/ledger/check")
                .then()
                .statusCode(200)
                .body("consistent", equalTo(true));
        // the ledger refuses edits in SQL
        assertThatThrownBy(() -> TestSql.execute("UPDATE affiliate.postings SET amount = amount + 1"))
                .rootCause()
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> TestSql.execute("DELETE FROM affiliate.journal_entries"))
                .rootCause()
                .hasMessageContaining("immutable");

        JsonObject dash = new JsonObject(given().auth()
                .oauth2(token(affiliate))
                .get("/api/v1/affiliates/me/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(dash.getLong("clicks")).isEqualTo(1);
        assertThat(dash.getLong("signups")).isEqualTo(1);
        assertThat(dash.getLong("payingReferrals")).isEqualTo(1);
        assertThat(dash.getString("conversionRate")).isEqualTo("1.0000");
        JsonObject earnings = dash.getJsonArray("earnings").getJsonObject(0);
        assertThat(earnings.getJsonObject("paid").getString("amount")).isEqualTo("5.80");
        assertThat(earnings.getJsonObject("owed").getString("amount")).isEqualTo("5.80");
        assertThat(dash.getJsonArray("monthly")).hasSize(12);

        // another user's dashboard: only admins
        given().auth()
                .oauth2(token(referred))
                .get("/api/v1/affiliates/" + affiliate + "/dashboard")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/" + affiliate + "/dashboard")
                .then()
                .statusCode(200)
                .body("clicks", equalTo(1));
    }

    @Test
    void unknownOrMalformedCodesRedirectWithoutCookieOrClick() {
        long before = count("SELECT count(*) FROM affiliate.clicks");
        for (String code : List.of("ZZZZZZZZZZ", "nope", "%27%3B--")) {
            Response r = given().redirects().follow(false).get("/r/" + code);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.header("Location")).isEqualTo("http://localhost:8080/signup");
            assertThat(r.header("Set-Cookie")).isNull();
        }
        assertThat(count("SELECT count(*) FROM affiliate.clicks")).isEqualTo(before);
    }

    @Test
    void ownCodeOrUnknownCodeMakesNoReferral() throws Exception {
        UUID affiliate = UUID.randomUUID();
        String code = enroll(affiliate);
        registered(affiliate, code, hex('5'), hex('6')); // the affiliate's own signup with their code
        UUID other = UUID.randomUUID();
        registered(other, "ZZZZZZZZZZ", hex('7'), hex('8'));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.signups WHERE user_id IN ('" + affiliate + "', '"
                                + other + "')")
                        == 2);
        assertThat(count("SELECT count(*) FROM affiliate.referrals WHERE referred_user_id IN ('" + affiliate + "', '"
                        + other + "')"))
                .isZero();
    }

    @Test
    void endpointsRefuseBadInputWithProblems() {
        UUID user = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        given().post("/api/v1/affiliates").then().statusCode(401);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/affiliates/me")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/affiliates/fraud-cases")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/fraud-cases?status=BOGUS")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/not-a-uuid/dashboard")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/" + UUID.randomUUID() + "/dashboard")
                .then()
                .statusCode(404);
        for (String body : List.of("{", "{\"decision\":\"MAYBE\",\"note\":\"x\"}", "{\"decision\":\"APPROVE\"}")) {
            given().auth()
                    .oauth2(token(admin, "admin"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/affiliates/fraud-cases/" + UUID.randomUUID() + "/resolve")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(token(admin, "admin"))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"note\":\"ok\"}")
                .post("/api/v1/affiliates/fraud-cases/" + UUID.randomUUID() + "/resolve")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
