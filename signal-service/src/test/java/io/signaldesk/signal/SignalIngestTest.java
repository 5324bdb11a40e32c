package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.execute;
import static io.signaldesk.signal.TestSupport.admin;
import static io.signaldesk.signal.TestSupport.awaitSignalRecord;
import static io.signaldesk.signal.TestSupport.buy;
import static io.signaldesk.signal.TestSupport.header;
import static io.signaldesk.signal.TestSupport.nonce;
import static io.signaldesk.signal.TestSupport.postSigned;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.producer;
import static io.signaldesk.signal.TestSupport.signal;
import static io.signaldesk.signal.TestSupport.stored;
import static io.signaldesk.signal.TestSupport.strategy;
import static io.signaldesk.signal.TestSupport.trader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.hmac.Hmac;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Producers and their signed signals: creation, the happy path to Kafka, every refusal, rotation, idempotency. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class SignalIngestTest {

    @Test
    void aProducersSecretIsShownOnceAndStoredSealed() throws Exception {
        String strategyId = strategy("EURUSD");
        JsonObject p = producer(strategyId);
        assertThat(p.getString("secret")).hasSize(43);
        assertThat(p.getString("tradingViewToken")).hasSize(43);
        assertThat(p.getString("strategyId")).isEqualTo(strategyId);

        given().auth()
                .oauth2(admin())
                .get("/api/v1/producers")
                .then()
                .statusCode(200)
                .body("id", hasItem(p.getString("id")))
                .body("find { it.id == '" + p.getString("id") + "' }", not(hasKey("secret")))
                .body("find { it.id == '" + p.getString("id") + "' }", not(hasKey("tradingViewToken")))
                .body("find { it.id == '" + p.getString("id") + "' }.status", equalTo("ACTIVE"));
        String id = p.getString("id");
        assertThat(count("SELECT count(*) FROM signal.producers WHERE id = '" + id + "' AND secret_sealed NOT LIKE '%"
                        + p.getString("secret") + "%' AND tradingview_token_hash = '"
                        + Hmac.sha256Hex(p.getString("tradingViewToken")) + "'"))
                .isEqualTo(1);

        problem(given().auth().oauth2(trader()).get("/api/v1/producers").then(), 403, "forbidden");
        problem(
                given().auth()
                        .oauth2(admin())
                        .contentType(ContentType.JSON)
                        .body(new JsonObject()
                                .put("name", "Unbound producer")
                                .put("strategyId", UUID.randomUUID().toString())
                                .encode())
                        .post("/api/v1/producers")
                        .then(),
                422,
                "unknown-strategy");
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(new JsonObject().put("name", "x").encode())
                                .post("/api/v1/producers")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", containsInAnyOrder("name", "strategyId"));
    }

    @Test
    void aSignedSignalIsStoredAndPublishedOnSignalsV1() throws Exception {
        String strategyId = strategy("EURUSD");
        JsonObject p = producer(strategyId);
        String producerId = p.getString("id");
        Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // prices as a string and as JSON numbers: both exact decimals
        String body = "{\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"entry\":\"1.08400\",\"stopLoss\":1.081,"
                + "\"takeProfit\":1.0900000001,\"expiresAt\":\"" + expires + "\",\"rationale\":\"Fib 61.8 + RSI 28\"}";
        String signalId = postSigned(producerId, p.getString("secret"), body)
                .statusCode(201)
                .body("strategyId", equalTo(strategyId))
                .body("producerId", equalTo(producerId))
                .body("entry", equalTo("1.084"))
                .body("stopLoss", equalTo("1.081"))
                .body("takeProfit", equalTo("1.0900000001"))
                .body("source", equalTo("producer:" + producerId))
                .body("expiresAt", equalTo(expires.toString()))
                .extract()
                .path("id");

        assertThat(count("SELECT count(*) FROM signal.signals WHERE id = '" + signalId + "' AND strategy_id = '"
                        + strategyId
                        + "' AND entry = 1.084 AND stop_loss = 1.081 AND take_profit = 1.0900000001 AND side = 'BUY'"
                        + " AND source = 'producer:" + producerId + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM signal.outbox WHERE payload LIKE '%" + signalId + "%'"))
                .isEqualTo(1);

        ConsumerRecord<String, String> rec = awaitSignalRecord(r -> r.value().contains(signalId));
        assertThat(rec.key()).isEqualTo(strategyId);
        assertThat(header(rec, "ce_type")).isEqualTo("io.signaldesk.SignalPublished");
        assertThat(header(rec, "ce_source")).isEqualTo("/signaldesk/signal-service");
        JsonObject payload = new JsonObject(rec.value());
        assertThat(payload.getString("signalId")).isEqualTo(signalId);
        assertThat(payload.getString("strategyId")).isEqualTo(strategyId);
        assertThat(payload.getString("instrument")).isEqualTo("EURUSD");
        assertThat(payload.getString("side")).isEqualTo("BUY");
        assertThat(payload.getValue("entry")).isInstanceOf(String.class); // decimals travel as strings
        assertThat(new BigDecimal(payload.getString("entry"))).isEqualByComparingTo("1.084");
        assertThat(new BigDecimal(payload.getString("stopLoss"))).isEqualByComparingTo("1.081");
        assertThat(new BigDecimal(payload.getString("takeProfit"))).isEqualByComparingTo("1.0900000001");
        assertThat(Instant.parse(payload.getString("expiresAt"))).isEqualTo(expires);
        assertThat(payload.getString("rationale")).isEqualTo("Fib 61.8 + RSI 28");
        assertThat(payload.getString("source")).isEqualTo("producer:" + producerId);
        assertThat(payload.getString("publishedAt")).isNotBlank();

        given().auth()
                .oauth2(trader())
                .get("/api/v1/signals/" + signalId)
                .then()
                .statusCode(200)
                .body("entry", equalTo("1.084"));
        given().baseUri(io.signaldesk.localstack.ManagementPort.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("signaldesk_signals_published_total{source=\"producer\"}"));
    }

    @Test
    void anAbsurdExponentIsAValidationProblemNotA500() throws Exception {
        // Hibernate Validator's own @Digits overflows an int on 1e2147483647 and lets it through
        JsonObject p = producer(strategy("EURUSD"));
        long[] before = stored();
        problem(
                        postSigned(
                                p.getString("id"),
                                p.getString("secret"),
                                buy("EURUSD").put("entry", "1e2147483647").encode()),
                        400,
                        "validation")
                .body("violations.field", hasItem("entry"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusedSignedRequestsAre4xxProblemsAndStoreNothing() throws Exception {
        String strategyId = strategy("EURUSD");
        JsonObject p = producer(strategyId);
        String id = p.getString("id");
        String secret = p.getString("secret");
        String good = buy("EURUSD").encode();
        long[] before = stored();

        // who is sending
        problem(postSigned(id, "wrong-secret-000000000000", good), 401, "signature-invalid");
        problem(postSigned(id, secret, good, System.currentTimeMillis() - 60_000, nonce()), 401, "signature-stale");
        problem(postSigned(UUID.randomUUID().toString(), secret, good), 401, "signature-invalid");
        problem(postSigned("not-a-producer", secret, good), 401, "signature-malformed");
        problem(
                given().contentType(ContentType.JSON)
                        .body(good)
                        .post("/api/v1/signals")
                        .then(),
                401,
                "signature-missing");
        // the body signed is not the body sent
        byte[] sent = good.replace("1.09000", "1.19000").getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis();
        String n = nonce();
        String sigOfOther = Hmac.sign(
                secret, Hmac.canonical("POST", "/api/v1/signals", ts, n, good.getBytes(StandardCharsets.UTF_8)));
        problem(
                given().contentType(ContentType.JSON)
                        .body(sent)
                        .header("X-Producer-Id", id)
                        .header("X-Timestamp", Long.toString(ts))
                        .header("X-Nonce", n)
                        .header("X-Signature", sigOfOther)
                        .post("/api/v1/signals")
                        .then(),
                401,
                "signature-invalid");

        // the body's shape
        problem(postSigned(id, secret, "{\"instrument\":\"EURUSD\","), 400, "malformed-body");
        problem(postSigned(id, secret, buy("EURUSD").put("colour", "red").encode()), 400, "malformed-body");
        problem(
                postSigned(
                        id,
                        secret,
                        buy("EURUSD").put("entry", "one point oh eight").encode()),
                400,
                "malformed-body");
        problem(
                        postSigned(
                                id,
                                secret,
                                buy("eurusd")
                                        .put("entry", "1.12345678901")
                                        .put("stopLoss", "-1")
                                        .put("rationale", "x".repeat(2001))
                                        .put("clientSignalId", "y".repeat(65))
                                        .encode()),
                        400,
                        "validation")
                .body(
                        "violations.field",
                        containsInAnyOrder("clientSignalId", "entry", "instrument", "rationale", "stopLoss"));
        problem(postSigned(id, secret, buy("EURUSD").put("side", "HOLD").encode()), 400, "validation")
                .body("violations.field", containsInAnyOrder("side"));

        // what it means
        problem(
                postSigned(
                        id,
                        secret,
                        signal("EURUSD", "BUY", "1.084", "1.090", "1.095").encode()),
                422,
                "signal-levels");
        problem(
                postSigned(
                        id,
                        secret,
                        signal("EURUSD", "BUY", "1.084", "1.080", "1.084").encode()),
                422,
                "signal-levels");
        problem(
                postSigned(
                        id,
                        secret,
                        signal("EURUSD", "SELL", "1.084", "1.080", "1.070").encode()),
                422,
                "signal-levels");
        problem(
                postSigned(
                        id,
                        secret,
                        signal("EURUSD", "SELL", "1.084", "1.090", "1.095").encode()),
                422,
                "signal-levels");
        problem(
                postSigned(
                        id,
                        secret,
                        buy("EURUSD")
                                .put("expiresAt", Instant.now().minusSeconds(5).toString())
                                .encode()),
                422,
                "signal-expired");
        problem(
                postSigned(
                        id,
                        secret,
                        buy("EURUSD")
                                .put(
                                        "expiresAt",
                                        Instant.now().plus(Duration.ofDays(8)).toString())
                                .encode()),
                422,
                "signal-expiry-too-far");
        problem(postSigned(id, secret, buy("XAUUSD").encode()), 422, "instrument-mismatch");

        assertThat(stored()).containsExactly(before);
    }

    @Test
    void aReusedNonceIsRefusedAndStoresNothingMore() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        String body = buy("EURUSD").encode();
        long ts = System.currentTimeMillis();
        String n = nonce();
        postSigned(p.getString("id"), p.getString("secret"), body, ts, n).statusCode(201);
        long[] before = stored();
        problem(postSigned(p.getString("id"), p.getString("secret"), body, ts, n), 401, "signature-replayed");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void aSellWithLevelsOnTheRightSidesIsAccepted() {
        JsonObject p = producer(strategy("US30"));
        postSigned(
                        p.getString("id"),
                        p.getString("secret"),
                        signal("US30", "SELL", "39000.5", "39200", "38500").encode())
                .statusCode(201)
                .body("side", equalTo("SELL"))
                .body("stopLoss", equalTo("39200"));
    }

    @Test
    void rotationKeepsTheOldSecretDuringGraceAndRevocationRefusesEverything() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        String id = p.getString("id");
        String old = p.getString("secret");

        String fresh = given().auth()
                .oauth2(admin())
                .post("/api/v1/producers/" + id + "/rotate")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("previousSecretValidUntil", notNullValue())
                .extract()
                .path("secret");
        assertThat(fresh).isNotEqualTo(old).hasSize(43);
        Instant until = Instant.parse(given().auth()
                .oauth2(admin())
                .get("/api/v1/producers")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.id == '" + id + "' }.previousSecretValidUntil"));
        assertThat(until)
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        postSigned(id, old, buy("EURUSD").encode()).statusCode(201);
        postSigned(id, fresh, buy("EURUSD").encode()).statusCode(201);

        // once the grace period is over only the new secret works
        execute("UPDATE signal.producers SET previous_secret_expires_at = now() - interval '1 second' WHERE id = '" + id
                + "'");
        long[] before = stored();
        problem(postSigned(id, old, buy("EURUSD").encode()), 401, "signature-invalid");
        postSigned(id, fresh, buy("EURUSD").encode()).statusCode(201);

        given().auth().oauth2(admin()).delete("/api/v1/producers/" + id).then().statusCode(204);
        given().auth().oauth2(admin()).delete("/api/v1/producers/" + id).then().statusCode(204);
        long[] afterRevoke = stored();
        assertThat(afterRevoke[0]).isEqualTo(before[0] + 1);
        problem(postSigned(id, fresh, buy("EURUSD").encode()), 401, "producer-revoked");
        problem(postSigned(id, old, buy("EURUSD").encode()), 401, "signature-invalid");
        assertThat(stored()).containsExactly(afterRevoke);
        problem(
                given().auth()
                        .oauth2(admin())
                        .post("/api/v1/producers/" + id + "/rotate")
                        .then(),
                409,
                "producer-revoked");
        problem(
                given().auth()
                        .oauth2(admin())
                        .post("/api/v1/producers/" + UUID.randomUUID() + "/rotate")
                        .then(),
                404,
                "not-found");
        given().auth()
                .oauth2(admin())
                .get("/api/v1/producers")
                .then()
                .body("find { it.id == '" + id + "' }.status", equalTo("REVOKED"));
    }

    @Test
    void aRepeatedClientSignalIdReturnsTheOriginalWithoutASecondEvent() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        String body = buy("EURUSD").put("clientSignalId", "mt5-order-4711").encode();
        String first = postSigned(p.getString("id"), p.getString("secret"), body)
                .statusCode(201)
                .extract()
                .path("id");
        String again = postSigned(p.getString("id"), p.getString("secret"), body)
                .statusCode(200)
                .body("clientSignalId", equalTo("mt5-order-4711"))
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM signal.signals WHERE producer_id = '" + p.getString("id") + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM signal.outbox WHERE payload LIKE '%" + first + "%'"))
                .isEqualTo(1);

        // another producer may use the same id for its own signal
        JsonObject other = producer(strategy("EURUSD"));
        String third = postSigned(other.getString("id"), other.getString("secret"), body)
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(third).isNotEqualTo(first);
    }

    @Test
    void concurrentRepeatsOfOneClientSignalIdStoreOneSignalAndOneEvent() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        String body = buy("EURUSD")
                .put("clientSignalId", "burst-" + UUID.randomUUID())
                .encode();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> postSigned(p.getString("id"), p.getString("secret"), body)
                        .extract()));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> a : answers) {
                ExtractableResponse<Response> r = a.get(30, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM signal.signals WHERE producer_id = '" + p.getString("id") + "'"))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM signal.outbox o JOIN signal.signals s ON o.payload LIKE '%' || s.id || '%'"
                                + " WHERE s.producer_id = '" + p.getString("id") + "'"))
                .isEqualTo(1);
    }
}
