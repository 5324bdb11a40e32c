package io.signaldesk.payout;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.payout.PayoutFixture.account;
import static io.signaldesk.payout.PayoutFixture.connectedAffiliate;
import static io.signaldesk.payout.PayoutFixture.drift;
import static io.signaldesk.payout.PayoutFixture.payable;
import static io.signaldesk.payout.PayoutFixture.payoutOf;
import static io.signaldesk.payout.PayoutFixture.payouts;
import static io.signaldesk.payout.PayoutFixture.release;
import static io.signaldesk.payout.PayoutFixture.reverse;
import static io.signaldesk.payout.PayoutFixture.run;
import static io.signaldesk.payout.PayoutFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.stripe.StripeClient;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.signaldesk.localstack.TestSql;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payouts against real Postgres and Kafka and the local fake Stripe: released earnings arrive on
 * commissions.v1, a run pays them with one Transfer keyed by the payout id, and nothing is paid twice.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(FakeStripeResource.class)
class PayoutsTest {

    @AfterEach
    void calm() {
        FakeStripeResource.stripe.delayTransferAnswers(Duration.ZERO);
        FakeStripeResource.stripe.failNextTransfers(0, 500);
    }

    static List<JsonObject> transfersOf(String payoutId) {
        return FakeStripeResource.stripe.transfers().stream()
                .map(JsonObject::new)
                .filter(t -> payoutId.equals(t.getString("transfer_group")))
                .toList();
    }

    static List<ConsumerRecord<String, String>> events(String payoutId, int atLeast) {
        return TestTopics.read("payouts.v1", r -> r.value().contains(payoutId), atLeast, Duration.ofSeconds(1));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void releasedEarningsOverTheThresholdArePaidWithOneTransferKeyedByThePayoutId() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "40.00", "USD");
        release(affiliate, "12.34", "USD");

        JsonObject summary = run();
        assertThat(summary.getInteger("paid")).isGreaterThanOrEqualTo(1);

        String payout = payoutOf(affiliate, "PAID");
        assertThat(payout).isNotNull();
        assertThat(payouts(affiliate)).isEqualTo(1);
        List<JsonObject> transfers = transfersOf(payout);
        assertThat(transfers).hasSize(1);
        JsonObject t = transfers.get(0);
        assertThat(t.getLong("amount")).isEqualTo(5234L);
        assertThat(t.getString("currency")).isEqualTo("usd");
        assertThat(t.getString("destination")).isEqualTo(account(affiliate));
        assertThat(t.getJsonObject("metadata").getString("payout_id")).isEqualTo(payout);
        assertThat(t.getJsonObject("metadata").getString("affiliate_id")).isEqualTo(affiliate.toString());
        assertThat(FakeStripeResource.stripe.transferRequests(payout)).isEqualTo(1);
        assertThat(TestSql.text("SELECT stripe_transfer_id FROM payout.payouts WHERE id = '" + payout + "'"))
                .isEqualTo(t.getString("id"));

        List<ConsumerRecord<String, String>> paid = events(payout, 1);
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).key()).isEqualTo(affiliate.toString());
        assertThat(header(paid.get(0), "ce_type")).isEqualTo("io.signaldesk.PayoutPaid");
        JsonObject body = new JsonObject(paid.get(0).value());
        assertThat(body.getJsonObject("amount").getString("amount")).isEqualTo("52.34");
        assertThat(body.getJsonObject("amount").getString("currency")).isEqualTo("USD");
        assertThat(body.getString("stripeTransferId")).isEqualTo(t.getString("id"));

        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("0");
        assertThat(drift()).isZero();

        // a second run has nothing left to pay for this affiliate
        run();
        assertThat(payouts(affiliate)).isEqualTo(1);
        assertThat(FakeStripeResource.stripe.transferRequests(payout)).isEqualTo(1);

        given().auth()
                .oauth2(token(affiliate, "trader"))
                .get("/api/v1/payouts/me")
                .then()
                .statusCode(200)
                .body("connect", equalTo("CONNECTED"))
                .body("balances", hasSize(1))
                .body("balances[0].payable.amount", equalTo("0.00"))
                .body("balances[0].threshold.amount", equalTo("50.00"))
                .body("payouts", hasSize(1))
                .body("payouts[0].id", equalTo(payout))
                .body("payouts[0].state", equalTo("PAID"))
                .body("payouts[0].amount.amount", equalTo("52.34"))
                .body("payouts[0].transferId", equalTo(t.getString("id")));
    }

    @Test
    void aBalanceUnderTheThresholdIsNotPaid() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "49.99", "USD");
        run();
        assertThat(payouts(affiliate)).isZero();
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("49.99");

        // an affiliate without a Connect account is not paid either, whatever their balance
        UUID unconnected = UUID.randomUUID();
        release(unconnected, "500.00", "USD");
        run();
        assertThat(payouts(unconnected)).isZero();
        given().auth()
                .oauth2(token(unconnected, "trader"))
                .get("/api/v1/payouts/me")
                .then()
                .statusCode(200)
                .body("connect", equalTo("NOT_CONNECTED"))
                .body("balances[0].available.amount", equalTo("500.00"));
    }

    @Test
    void aReversalAfterPaymentIsCarriedAsANegativeBalanceAndNettedFromTheNextPayout() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "60.00", "USD");
        run();
        String first = payoutOf(affiliate, "PAID");
        assertThat(transfersOf(first))
                .singleElement()
                .satisfies(t -> assertThat(t.getLong("amount")).isEqualTo(6000L));

        reverse(affiliate, "20.00", "USD"); // a refund clawed back earnings already paid
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("-20.00");
        run();
        assertThat(payouts(affiliate)).isEqualTo(1);

        release(affiliate, "65.00", "USD"); // 65 - 20 carried = 45: under the threshold
        run();
        assertThat(payouts(affiliate)).isEqualTo(1);

        release(affiliate, "10.00", "USD"); // 55
        run();
        assertThat(payouts(affiliate)).isEqualTo(2);
        String second = TestSql.text("SELECT id::text FROM payout.payouts WHERE affiliate_id = '" + affiliate
                + "' AND id <> '" + first + "' AND state = 'PAID'");
        assertThat(transfersOf(second))
                .singleElement()
                .satisfies(t -> assertThat(t.getLong("amount")).isEqualTo(5500L));
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("0");
        // payable = released - reversed - paid, entry by entry
        assertThat(count("SELECT count(*) FROM payout.earnings_entries WHERE affiliate_id = '" + affiliate + "'"))
                .isEqualTo(6);
        assertThat(drift()).isZero();
    }

    @Test
    void aRetryableFailureStaysSubmittedAndIsRetriedWithTheSameKeyIntoOneTransfer() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "75.00", "USD");
        FakeStripeResource.stripe.failNextTransfers(1, 500);

        JsonObject first = run();
        assertThat(first.getInteger("retrying")).isEqualTo(1);
        String payout = payoutOf(affiliate, "SUBMITTED");
        assertThat(payout).isNotNull();
        assertThat(TestSql.text("SELECT attempts::text FROM payout.payouts WHERE id = '" + payout + "'"))
                .isEqualTo("1");
        assertThat(TestSql.text("SELECT last_error FROM payout.payouts WHERE id = '" + payout + "'"))
                .contains("http 500");
        assertThat(transfersOf(payout)).isEmpty();
        assertThat(events(payout, 0)).isEmpty();

        Thread.sleep(300); // the test backoff is 0.2 s
        run();
        assertThat(payoutOf(affiliate, "PAID")).isEqualTo(payout);
        assertThat(FakeStripeResource.stripe.transferRequests(payout)).isEqualTo(2);
        assertThat(transfersOf(payout)).hasSize(1);
        assertThat(events(payout, 1)).hasSize(1);
        assertThat(payouts(affiliate)).isEqualTo(1);
    }

    @Test
    void aPermanentFailureFailsThePayoutReturnsTheBalanceAndPublishesPayoutFailed() throws Exception {
        UUID affiliate = connectedAffiliate();
        // the Connect account was deleted in Stripe: the transfer's destination no longer exists
        TestSql.execute("UPDATE payout.connect_accounts SET stripe_account_id = 'acct_gone' WHERE affiliate_id = '"
                + affiliate + "'");
        release(affiliate, "80.00", "USD");

        JsonObject summary = run();
        assertThat(summary.getInteger("failed")).isGreaterThanOrEqualTo(1);
        String payout = payoutOf(affiliate, "FAILED");
        assertThat(payout).isNotNull();
        assertThat(FakeStripeResource.stripe.transferRequests(payout)).isEqualTo(1);
        assertThat(transfersOf(payout)).isEmpty();
        assertThat(TestSql.text("SELECT failure_reason FROM payout.payouts WHERE id = '" + payout + "'"))
                .isEqualTo("stripe http 400: resource_missing")
                .doesNotContain("acct_");
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("80.00");

        List<ConsumerRecord<String, String>> failed = events(payout, 1);
        assertThat(failed).hasSize(1);
        assertThat(header(failed.get(0), "ce_type")).isEqualTo("io.signaldesk.PayoutFailed");
        assertThat(new JsonObject(failed.get(0).value()).getJsonObject("amount").getString("amount"))
                .isEqualTo("80.00");
        given().auth()
                .oauth2(token(affiliate, "trader"))
                .get("/api/v1/payouts/me")
                .then()
                .statusCode(200)
                .body("balances[0].available.amount", equalTo("80.00"))
                .body("payouts[0].state", equalTo("FAILED"));

        // the affiliate leaves Connect, so later runs of other tests do not try again
        TestSql.execute(
                "UPDATE payout.connect_accounts SET stripe_account_id = NULL WHERE affiliate_id = '" + affiliate + "'");
    }

    @Test
    void twoRunsStartedAtOnceMakeOnePayoutAndOneTransfer() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "55.55", "USD");
        FakeStripeResource.stripe.delayTransferAnswers(Duration.ofMillis(500));
        String admin = PayoutFixture.admin();
        List<Integer> statuses = twiceAtOnce(
                () -> given().auth().oauth2(admin).post("/api/v1/payouts/run").statusCode());
        assertThat(statuses).containsExactly(200, 200);
        assertThat(payouts(affiliate)).isEqualTo(1);
        String payout = payoutOf(affiliate, "PAID");
        assertThat(FakeStripeResource.stripe.transferRequests(payout)).isEqualTo(1);
        assertThat(transfersOf(payout)).hasSize(1);
        assertThat(events(payout, 1)).hasSize(1);
        assertThat(drift()).isZero();
    }

    @Test
    void aPayoutLeftSubmittedWithATransferAlreadyMadeIsRecoveredWithoutASecondPost() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "70.00", "USD");
        // the crash: the payout was claimed and its transfer made, but the process died before saving it
        UUID payout = UUID.randomUUID();
        String destination = account(affiliate);
        TestSql.execute("INSERT INTO payout.payouts (id, affiliate_id, currency, amount, destination, state, attempts, "
                + "next_attempt_at, submitted_at) VALUES ('" + payout + "', '" + affiliate + "', 'USD', 70.00, '"
                + destination + "', 'SUBMITTED', 1, now() + interval '1 hour', now())");
        StripeClient client = StripeClient.builder()
                .setApiKey("sk_test_signaldesk_fake")
                .setApiBase(FakeStripeResource.stripe.baseUrl())
                .setMaxNetworkRetries(0)
                .build();
        Transfer made = client.transfers()
                .create(
                        TransferCreateParams.builder()
                                .setAmount(7000L)
                                .setCurrency("usd")
                                .setDestination(destination)
                                .setTransferGroup(payout.toString())
                                .putMetadata("payout_id", payout.toString())
                                .putMetadata("affiliate_id", affiliate.toString())
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey(payout.toString())
                                .build());

        JsonObject summary = run();
        assertThat(summary.getInteger("recovered")).isGreaterThanOrEqualTo(1);
        assertThat(TestSql.text(
                        "SELECT state || ' ' || stripe_transfer_id FROM payout.payouts WHERE id = '" + payout + "'"))
                .isEqualTo("PAID " + made.getId());
        assertThat(FakeStripeResource.stripe.transferRequests(payout.toString()))
                .isEqualTo(1); // ours, no second
        assertThat(transfersOf(payout.toString())).hasSize(1);
        assertThat(payouts(affiliate)).isEqualTo(1);
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("0");
        assertThat(events(payout.toString(), 1)).hasSize(1);
        assertThat(metric("signaldesk_payouts_recovery_total", "finding=\"transfer-found\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void recoveryRunsOnStartup() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> java.nio.file.Files.readString(java.nio.file.Path.of("target/quarkus-test.log"))
                        .contains("payouts: startup recovery found"));
    }

    @Test
    void aReplayedEarningsReleasedIsCountedOnce() throws Exception {
        UUID affiliate = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        String eventId = release(UUID.randomUUID().toString(), entry, affiliate, "30.00", "USD");
        release(eventId, entry, affiliate, "30.00", "USD"); // Kafka delivered it again
        release(UUID.randomUUID().toString(), entry, affiliate, "30.00", "USD"); // republished with a new event id
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("30.00");
        assertThat(count("SELECT count(*) FROM payout.earnings_entries WHERE affiliate_id = '" + affiliate + "'"))
                .isEqualTo(1);
    }

    @Test
    void aPoisonCommissionEventGoesToTheDeadLetterTopicAndWritesNothing() throws Exception {
        UUID affiliate = UUID.randomUUID();
        String negative = UUID.randomUUID().toString();
        String tooPrecise = UUID.randomUUID().toString();
        PayoutFixture.send(
                negative,
                "EarningsReleased",
                affiliate.toString(),
                new JsonObject()
                        .put("entryId", UUID.randomUUID().toString())
                        .put("affiliateId", affiliate.toString())
                        .put("amount", PayoutFixture.money("-5.00", "USD"))
                        .put("releasedAt", "2026-11-01T00:00:00Z")
                        .encode());
        PayoutFixture.send(
                tooPrecise,
                "EarningsReleased",
                affiliate.toString(),
                new JsonObject()
                        .put("entryId", UUID.randomUUID().toString())
                        .put("affiliateId", affiliate.toString())
                        .put("amount", PayoutFixture.money("5.001", "USD"))
                        .put("releasedAt", "2026-11-01T00:00:00Z")
                        .encode());
        release(affiliate, "1.00", "USD"); // the partition moves on
        List<String> dead = TestTopics.read(
                        "dlq.payout-service.commissions.v1",
                        r -> r.value().contains(affiliate.toString()),
                        2,
                        Duration.ZERO)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(dead).hasSize(2);
        assertThat(payable(affiliate, "USD")).isEqualByComparingTo("1.00");
        assertThat(count("SELECT count(*) FROM payout.inbox WHERE event_id IN ('" + negative + "', '" + tooPrecise
                        + "')"))
                .isZero();
    }

    @Test
    void connectCreatesOneExpressAccountAndAFreshLinkEachTime() throws Exception {
        UUID affiliate = UUID.randomUUID();
        String t = token(affiliate, "trader");
        long before = FakeStripeResource.stripe.requests("POST", "/v1/accounts");
        List<String> urls = twiceAtOnce(() -> given().auth()
                .oauth2(t)
                .post("/api/v1/payouts/connect")
                .then()
                .statusCode(200)
                .extract()
                .path("url")
                .toString());
        String account = account(affiliate);
        assertThat(account).startsWith("acct_");
        assertThat(urls).allSatisfy(u -> assertThat(u).endsWith("/connect/onboarding/" + account));
        assertThat(count("SELECT count(*) FROM payout.connect_accounts WHERE affiliate_id = '" + affiliate + "'"))
                .isEqualTo(1);
        long afterFirst = FakeStripeResource.stripe.requests("POST", "/v1/accounts");
        assertThat(afterFirst - before).isBetween(1L, 2L); // concurrent first calls share one idempotency key

        given().auth()
                .oauth2(t)
                .post("/api/v1/payouts/connect")
                .then()
                .statusCode(200)
                .body("url", startsWith(FakeStripeResource.stripe.baseUrl() + "/connect/onboarding/" + account));
        assertThat(FakeStripeResource.stripe.requests("POST", "/v1/accounts")).isEqualTo(afterFirst);
        assertThat(FakeStripeResource.stripe
                        .server()
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/account_links")))
                        .stream()
                        .filter(r -> r.getBodyAsString().contains(account))
                        .filter(r -> r.getBodyAsString().contains("type=account_onboarding"))
                        .count())
                .isEqualTo(3);
    }

    @Test
    void badInputsAreProblemsAndWriteNothing() {
        UUID trader = UUID.randomUUID();
        long payoutsBefore = count("SELECT count(*) FROM payout.payouts");
        given().auth()
                .oauth2(token(trader, "trader"))
                .post("/api/v1/payouts/run")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().post("/api/v1/payouts/run").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/v1/payouts/connect").then().statusCode(401).contentType("application/problem+json");
        for (String limit : List.of("0", "201", "abc", "-1", "1e3")) {
            given().auth()
                    .oauth2(token(trader, "trader"))
                    .queryParam("limit", limit)
                    .get("/api/v1/payouts/me")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://signaldesk.io/problems/validation"))
                    .body("violations[0].field", equalTo("limit"));
        }
        // a token whose subject is not a user id
        given().auth()
                .oauth2(io.smallrye.jwt.build.Jwt.issuer("https://signaldesk.io")
                        .audience("signaldesk")
                        .subject("not-a-user")
                        .groups(java.util.Set.of("trader"))
                        .expiresIn(300)
                        .sign())
                .post("/api/v1/payouts/connect")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM payout.payouts")).isEqualTo(payoutsBefore);
        assertThat(count("SELECT count(*) FROM payout.connect_accounts WHERE affiliate_id = '" + trader + "'"))
                .isZero();
    }

    @Test
    void metricsCountOutcomesAndAmountsWithoutIds() throws Exception {
        UUID affiliate = connectedAffiliate();
        release(affiliate, "50.00", "USD");
        run();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> metric("signaldesk_payouts_settled_total", "outcome=\"paid\"") >= 1);
        assertThat(metric("signaldesk_payouts_paid_minor_units_total", "currency=\"USD\""))
                .isGreaterThanOrEqualTo(5000);
        String metrics = given().baseUri(ManagementPort.url()).get("/q/metrics").asString();
        assertThat(metrics).doesNotContain("acct_").doesNotContain(affiliate.toString());
    }

    /** Runs {@code call} on two threads released at the same instant; both answers. */
    static <T> List<T> twiceAtOnce(java.util.function.Supplier<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<T>> calls = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }))
                .toList();
        List<T> out = new java.util.ArrayList<>();
        for (CompletableFuture<T> c : calls) {
            out.add(c.get());
        }
        return out;
    }

    static double metric(String name, String label) {
        return given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
