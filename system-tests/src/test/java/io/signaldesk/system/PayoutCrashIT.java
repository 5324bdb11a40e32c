package io.signaldesk.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.signaldesk.localstack.GatewayApi;
import io.signaldesk.localstack.Suite;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, must-show 5, on the packaged services: payout-service SIGKILLed while Stripe holds the
 * answer to a transfer it already made, and two payout runs started at once. Either way each payout
 * has exactly one Transfer (counted by idempotency key at the fake Stripe), is PAID once, and the
 * affiliate's balance is what was released minus reversed minus paid.
 */
class PayoutCrashIT {
    static final String PAYOUT = "payout-service";
    static Suite suite;
    static String admin;

    @BeforeAll
    static void up() {
        suite = RunningSuite.get();
        admin = new GatewayApi(RunningSuite.gateway()).login("admin@system.test", "admin-password-system");
    }

    @AfterEach
    void calm() {
        RunningSuite.stripe.delayTransferAnswers(Duration.ZERO);
    }

    /** A registered user (through the gateway) with a Connect account; their id and token. */
    record Affiliate(String id, String token) {}

    static Affiliate affiliate() {
        String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@system.test";
        String id = given().baseUri(RunningSuite.gateway())
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("email", email)
                        .put("password", "system test password")
                        .encode())
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String token = new GatewayApi(RunningSuite.gateway()).login(email, "system test password");
        given().baseUri(payoutUrl())
                .auth()
                .oauth2(token)
                .post("/api/v1/payouts/connect")
                .then()
                .statusCode(200);
        return new Affiliate(id, token);
    }

    static String payoutUrl() {
        return suite.service(PAYOUT).url();
    }

    static void commission(String type, Affiliate a, String amount, Instant at) throws Exception {
        JsonObject payload = new JsonObject()
                .put("entryId", UUID.randomUUID().toString())
                .put("affiliateId", a.id())
                .put("amount", new JsonObject().put("amount", amount).put("currency", "USD"));
        if (type.equals("EarningsReleased")) {
            payload.put("releasedAt", at.toString());
        } else {
            payload.put("reason", "refund").put("reversedAt", at.toString());
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(
                RunningSuite.settings.get("signaldesk.kafka.topic-prefix") + "commissions.v1",
                a.id(),
                payload.encode());
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(UUID.randomUUID().toString()))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/affiliate-service"))
                .add("content-type", b("application/json"));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", RunningSuite.settings.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get();
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject me(Affiliate a) {
        return new JsonObject(given().baseUri(payoutUrl())
                .auth()
                .oauth2(a.token())
                .get("/api/v1/payouts/me")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static BigDecimal payable(Affiliate a) {
        JsonObject me = me(a);
        return me.getJsonArray("balances").isEmpty()
                ? null
                : new BigDecimal(me.getJsonArray("balances")
                        .getJsonObject(0)
                        .getJsonObject("payable")
                        .getString("amount"));
    }

    static int run() {
        return given().baseUri(payoutUrl())
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .post("/api/v1/payouts/run")
                .statusCode();
    }

    /** The transfers the fake Stripe made for this affiliate (by the metadata payout-service sends). */
    static List<JsonObject> transfersOf(Affiliate a) {
        return RunningSuite.stripe.transfers().stream()
                .map(JsonObject::new)
                .filter(t -> a.id().equals(t.getJsonObject("metadata").getString("affiliate_id")))
                .toList();
    }

    static List<ConsumerRecord<String, String>> payoutEvents(String payoutId) {
        return TestTopics.read(
                RunningSuite.settings.get("kafka.bootstrap.servers"),
                RunningSuite.settings.get("signaldesk.kafka.topic-prefix") + "payouts.v1",
                r -> r.value().contains(payoutId),
                1,
                Duration.ofSeconds(2));
    }

    /** SIGKILL: the process gets no chance to save anything (Suite's own stop is a SIGTERM). */
    static void kill(String name) {
        String port = "-Dquarkus.http.port=" + suite.service(name).port();
        List<ProcessHandle> found = ProcessHandle.current()
                .children()
                .filter(ph ->
                        ph.info().arguments().map(List::of).orElse(List.of()).contains(port))
                .toList();
        assertThat(found).as("the %s process", name).hasSize(1);
        ProcessHandle p = found.get(0);
        assertThat(p.destroyForcibly()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !p.isAlive());
    }

    @Test
    void killedBetweenTheTransferAndSavingItsStateThePayoutIsPaidOnceAfterRestart() throws Exception {
        Affiliate a = affiliate();
        commission("EarningsReleased", a, "70.00", Instant.now());
        commission("EarningsReversed", a, "10.00", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            BigDecimal p = payable(a);
            return p != null && p.compareTo(new BigDecimal("60.00")) == 0;
        });

        // Stripe makes the transfer at once but holds its answer: payout-service dies waiting for it
        RunningSuite.stripe.delayTransferAnswers(Duration.ofSeconds(30));
        CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(() -> {
            try {
                return run();
            } catch (Exception e) { // RestAssured rethrows the IOException unchecked
                return -1; // the connection dies with the process
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> transfersOf(a).size() == 1);
        String payoutId = transfersOf(a).get(0).getString("transfer_group");
        assertThat(RunningSuite.stripe.transferRequests(payoutId)).isEqualTo(1);
        kill(PAYOUT);
        assertThat(dying.get()).isNotEqualTo(200);
        RunningSuite.stripe.delayTransferAnswers(Duration.ZERO);

        suite.startAgain(PAYOUT, Duration.ofMinutes(2));
        // recovery on startup asks Stripe about the SUBMITTED payout and finds its transfer: PAID, no run needed
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                me(a).getJsonArray("payouts").getJsonObject(0).getString("state"))
                        .isEqualTo("PAID"));
        assertThat(run()).isEqualTo(200); // a run afterwards (recovery again, new payouts) changes nothing

        JsonObject payout = me(a).getJsonArray("payouts").getJsonObject(0);
        assertThat(me(a).getJsonArray("payouts")).hasSize(1);
        assertThat(payout.getString("id")).isEqualTo(payoutId);
        assertThat(payout.getString("transferId"))
                .isEqualTo(transfersOf(a).get(0).getString("id"));
        assertThat(transfersOf(a)).hasSize(1);
        assertThat(RunningSuite.stripe.transferRequests(payoutId)).isEqualTo(1); // never posted again
        assertThat(transfersOf(a).get(0).getLong("amount")).isEqualTo(6000L);
        List<ConsumerRecord<String, String>> events = payoutEvents(payoutId);
        assertThat(events).hasSize(1);
        assertThat(new String(events.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("io.signaldesk.PayoutPaid");
        // payable = released - reversed - paid = 70 - 10 - 60
        assertThat(payable(a)).isEqualByComparingTo("0");
    }

    @Test
    void twoPayoutRunsStartedAtOnceMakeExactlyOneTransferPerPayout() throws Exception {
        Affiliate a = affiliate();
        Affiliate b = affiliate();
        commission("EarningsReleased", a, "55.00", Instant.now());
        commission("EarningsReleased", b, "81.25", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(a) != null && payable(b) != null);

        RunningSuite.stripe.delayTransferAnswers(Duration.ofMillis(500)); // the runs overlap for sure
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return run();
                }))
                .toList();
        for (CompletableFuture<Integer> r : runs) {
            assertThat(r.get()).isEqualTo(200);
        }

        for (Affiliate x : List.of(a, b)) {
            List<JsonObject> transfers = transfersOf(x);
            assertThat(transfers).hasSize(1);
            String payoutId = transfers.get(0).getString("transfer_group");
            assertThat(RunningSuite.stripe.transferRequests(payoutId)).isEqualTo(1);
            assertThat(me(x).getJsonArray("payouts")).hasSize(1);
            assertThat(me(x).getJsonArray("payouts").getJsonObject(0).getString("state"))
                    .isEqualTo("PAID");
            assertThat(payoutEvents(payoutId)).hasSize(1);
            assertThat(payable(x)).isEqualByComparingTo("0");
        }
        assertThat(transfersOf(a).get(0).getLong("amount")).isEqualTo(5500L);
        assertThat(transfersOf(b).get(0).getLong("amount")).isEqualTo(8125L);
    }
}
