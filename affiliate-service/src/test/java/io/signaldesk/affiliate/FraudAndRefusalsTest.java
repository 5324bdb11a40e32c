package io.signaldesk.affiliate;

import static io.restassured.RestAssured.given;
import static io.signaldesk.affiliate.AffiliateFixture.*;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Self-referral and wash trades are held for review, resolved once; poison events write nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class FraudAndRefusalsTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    static String commission(UUID payment) {
        await().atMost(WAIT)
                .until(() ->
                        count("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + payment + "'") == 1);
        return text("SELECT status FROM affiliate.commissions WHERE payment_id = '" + payment + "'");
    }

    static UUID referredBy(String code, UUID affiliate, String fingerprint, String ip) throws Exception {
        UUID user = UUID.randomUUID();
        registered(user, code, fingerprint, ip);
        await().atMost(WAIT)
                .until(() ->
                        count("SELECT count(*) FROM affiliate.referrals WHERE referred_user_id = '" + user + "'") == 1);
        return user;
    }

    static String affiliate(UUID user, String fingerprint, String ip) throws Exception {
        registered(user, null, fingerprint, ip);
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.signups WHERE user_id = '" + user + "'") == 1);
        return enroll(user);
    }

    @Test
    void selfReferralIsHeldPastTheHoldAndARejectReversesItOnce() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('a'), hex('b'));
        UUID sock = referredBy(code, aff, hex('a'), hex('c')); // the affiliate's own device
        UUID payment = UUID.randomUUID();
        paid(payment, sock, "50.00", "card_x");
        assertThat(commission(payment)).isEqualTo("ON_HOLD");

        clock.advance(Duration.ofDays(40));
        Thread.sleep(2500); // two release sweeps
        assertThat(text("SELECT status FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("ON_HOLD");
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE kind = 'RELEASE' AND affiliate_id = '"
                        + aff + "'"))
                .isZero();

        String caseId =
                text("SELECT fraud_case_id::text FROM affiliate.commissions WHERE payment_id = '" + payment + "'");
        UUID admin = UUID.randomUUID();
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/fraud-cases?status=OPEN")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + caseId + "' }.kind", equalTo("SELF_REFERRAL"))
                .body("find { it.id == '" + caseId + "' }.commissions[0].amount.amount", equalTo("10.00"));
        given().auth()
                .oauth2(token(admin, "admin"))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"note\":\"same device as the affiliate\"}")
                .post("/api/v1/affiliates/fraud-cases/" + caseId + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("resolvedBy", equalTo(admin.toString()))
                .body("note", equalTo("same device as the affiliate"));
        given().auth()
                .oauth2(token(admin, "admin"))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"note\":\"changed my mind\"}")
                .post("/api/v1/affiliates/fraud-cases/" + caseId + "/resolve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(text("SELECT status FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("REJECTED");
        assertThat(text("SELECT balance::text FROM affiliate.ledger_accounts WHERE owner_id = '" + aff
                        + "' AND kind = 'PENDING'"))
                .isEqualTo("0.0000");
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE kind = 'REJECT' AND affiliate_id = '"
                        + aff + "'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(token(admin, "admin"))
                .get("/api/v1/affiliates/ledger/check")
                .then()
                .statusCode(200)
                .body("consistent", equalTo(true));
    }

    @Test
    void theAffiliatesOwnPaymentCardIsASelfReferral() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('d'), hex('e'));
        paid(UUID.randomUUID(), aff, "10.00", "card_shared"); // the affiliate's own subscription
        UUID friend = referredBy(code, aff, hex('f'), hex('9'));
        UUID payment = UUID.randomUUID();
        paid(payment, friend, "10.00", "card_shared");
        assertThat(commission(payment)).isEqualTo("ON_HOLD");
    }

    @Test
    void approvingOneCaseDoesNotReleaseACommissionAnotherOpenCaseHolds() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('7'), hex('8'));
        UUID sock = referredBy(code, aff, hex('7'), hex('9')); // the affiliate's own device: case A
        UUID other = referredBy(code, aff, hex('a'), hex('b'));
        UUID held = UUID.randomUUID();
        paid(held, sock, "29.00", null);
        assertThat(commission(held)).isEqualTo("ON_HOLD");
        String caseA = text("SELECT fraud_case_id::text FROM affiliate.commissions WHERE payment_id = '" + held + "'");
        UUID clean = UUID.randomUUID();
        paid(clean, other, "29.00", null);
        assertThat(commission(clean)).isEqualTo("PENDING");
        // the two referred accounts then wash-trade: case B about both
        send("fills.v1", "acc-" + sock, "FillReported", UUID.randomUUID().toString(), fill(sock, "XAUUSD", "BUY", "2"));
        send(
                "fills.v1",
                "acc-" + other,
                "FillReported",
                UUID.randomUUID().toString(),
                fill(other, "XAUUSD", "SELL", "2"));
        await().atMost(WAIT)
                .until(() -> "ON_HOLD"
                        .equals(text("SELECT status FROM affiliate.commissions WHERE payment_id = '" + clean + "'")));

        // an admin clears case A (the device looked shared for a good reason) while B is still open
        given().auth()
                .oauth2(token(UUID.randomUUID(), "admin"))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"note\":\"shared family laptop\"}")
                .post("/api/v1/affiliates/fraud-cases/" + caseA + "/resolve")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofDays(40));
        Thread.sleep(2500); // two release sweeps
        assertThat(text("SELECT status FROM affiliate.commissions WHERE payment_id = '" + held + "'"))
                .isEqualTo("ON_HOLD");
        assertThat(text("SELECT c.kind FROM affiliate.fraud_cases c JOIN affiliate.commissions m ON m.fraud_case_id = "
                        + "c.id WHERE m.payment_id = '" + held + "'"))
                .isEqualTo("WASH_TRADE");
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE kind = 'RELEASE' AND affiliate_id = '"
                        + aff + "'"))
                .isZero();
    }

    @Test
    void aWashTradePairHoldsBothReferredAccounts() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('1'), hex('0'));
        UUID one = referredBy(code, aff, hex('2'), hex('3'));
        UUID two = referredBy(code, aff, hex('4'), hex('5'));
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        paid(p1, one, "29.00", null);
        paid(p2, two, "29.00", null);
        assertThat(commission(p1)).isEqualTo("PENDING");
        assertThat(commission(p2)).isEqualTo("PENDING");

        send(
                "fills.v1",
                "acc-" + one,
                "FillReported",
                UUID.randomUUID().toString(),
                fill(one, "EURUSD", "BUY", "1.00"));
        send(
                "fills.v1",
                "acc-" + two,
                "FillReported",
                UUID.randomUUID().toString(),
                fill(two, "EURUSD", "SELL", "0.95"));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.commissions WHERE payment_id IN ('" + p1 + "', '"
                                + p2 + "') AND status = 'ON_HOLD'")
                        == 2);
        assertThat(text("SELECT kind FROM affiliate.fraud_cases c JOIN affiliate.commissions m ON m.fraud_case_id = "
                        + "c.id WHERE m.payment_id = '" + p1 + "'"))
                .isEqualTo("WASH_TRADE");
        // a later payment of either account is held in the same open case
        UUID p3 = UUID.randomUUID();
        paid(p3, one, "29.00", null);
        assertThat(commission(p3)).isEqualTo("ON_HOLD");

        // approve: they continue and are released once their hold has elapsed
        String caseId = text("SELECT fraud_case_id::text FROM affiliate.commissions WHERE payment_id = '" + p1 + "'");
        given().auth()
                .oauth2(token(UUID.randomUUID(), "admin"))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"note\":\"hedging family accounts, fine\"}")
                .post("/api/v1/affiliates/fraud-cases/" + caseId + "/resolve")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofDays(31));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.commissions WHERE payment_id IN ('" + p1 + "', '"
                                + p2 + "', '" + p3 + "') AND status = 'RELEASED'")
                        == 3);
    }

    @Test
    void negativeOrMalformedAmountsArePoisonAndWriteNothing() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('6'), hex('7'));
        UUID user = referredBy(code, aff, hex('8'), hex('9'));
        UUID negative = UUID.randomUUID();
        UUID malformed = UUID.randomUUID();
        UUID tooPrecise = UUID.randomUUID();
        send(
                "billing.v1",
                user.toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                paymentSucceeded(negative, user, "-5.00", "USD", "card_neg"));
        send(
                "billing.v1",
                user.toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                paymentSucceeded(malformed, user, "abc", "USD", "card_bad"));
        send(
                "billing.v1",
                user.toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                paymentSucceeded(tooPrecise, user, "1.001", "USD", "card_bad"));
        send(
                "billing.v1",
                user.toString(),
                "PaymentRefunded",
                UUID.randomUUID().toString(),
                refund(negative, user, "re_neg", "-1.00"));
        UUID good = UUID.randomUUID();
        paid(good, user, "10.00", null);
        assertThat(commission(good)).isEqualTo("PENDING");

        List<String> dead = TestTopics.read(
                        "dlq.affiliate-service.billing.v1", r -> r.key().equals(user.toString()), 4, Duration.ZERO)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(dead).hasSize(4);
        assertThat(count("SELECT count(*) FROM affiliate.commissions WHERE payment_id IN ('" + negative + "', '"
                        + malformed + "', '" + tooPrecise + "')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM affiliate.payment_fingerprints WHERE fingerprint IN ('card_neg', "
                        + "'card_bad')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM affiliate.refunds WHERE refund_id = 're_neg'"))
                .isZero();
    }

    @Test
    void referralsWhoseMoneyWasGivenBackDoNotRaiseTheAffiliatesTier() throws Exception {
        // ten sock puppets pay once and get their money back: they must not buy the 25% tier (10+)
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('1'), hex('2'));
        for (int i = 0; i < 10; i++) {
            UUID puppet = referredBy(code, aff, hex('3'), hex('4'));
            UUID payment = UUID.randomUUID();
            paid(payment, puppet, "29.00", null);
            commission(payment);
            send(
                    "billing.v1",
                    puppet.toString(),
                    "PaymentRefunded",
                    UUID.randomUUID().toString(),
                    refund(payment, puppet, "re_" + payment, "29.00"));
            await().atMost(WAIT)
                    .until(() -> count("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + payment
                                    + "' AND clawed_back = amount")
                            == 1);
        }
        UUID real = referredBy(code, aff, hex('5'), hex('6'));
        UUID payment = UUID.randomUUID();
        paid(payment, real, "29.00", null);
        commission(payment);
        assertThat(text("SELECT rate::text FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .startsWith("0.20");
        assertThat(text("SELECT amount::text FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("5.8000");
    }

    @Test
    void aReplayedPaymentHasNoSecondEffect() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('c'), hex('d'));
        UUID user = referredBy(code, aff, hex('e'), hex('f'));
        UUID payment = UUID.randomUUID();
        String body = paymentSucceeded(payment, user, "19.99", "USD", null);
        String eventId = UUID.randomUUID().toString();
        send("billing.v1", user.toString(), "PaymentSucceeded", eventId, body);
        send("billing.v1", user.toString(), "PaymentSucceeded", eventId, body);
        send(
                "billing.v1",
                user.toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                body);
        UUID marker = UUID.randomUUID();
        paid(marker, user, "1.00", null);
        commission(marker);
        assertThat(count("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo(1);
        assertThat(text("SELECT amount::text FROM affiliate.commissions WHERE payment_id = '" + payment + "'"))
                .isEqualTo("3.9900"); // 19.99 x 20% = 3.998, rounded down
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE kind = 'ACCRUE' AND affiliate_id = '"
                        + aff + "'"))
                .isEqualTo(2);
    }

    @Test
    void aRefundArrivingBeforeItsPaymentIsClawedBackWhenThePaymentArrives() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = affiliate(aff, hex('3'), hex('4'));
        UUID user = referredBy(code, aff, hex('5'), hex('6'));
        UUID payment = UUID.randomUUID();
        send(
                "billing.v1",
                user.toString(),
                "PaymentRefunded",
                UUID.randomUUID().toString(),
                refund(payment, user, "re_early", "14.50"));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM affiliate.refunds WHERE refund_id = 're_early'") == 1);
        paid(payment, user, "29.00", null);
        assertThat(commission(payment)).isEqualTo("PENDING");
        assertThat(text(
                        "SELECT amount::text || ' ' || clawed_back::text FROM affiliate.commissions WHERE payment_id = '"
                                + payment + "'"))
                .isEqualTo("5.8000 2.9000");
        assertThat(balance(aff, "PENDING")).isEqualTo("2.9000");
    }
}
