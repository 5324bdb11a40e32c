package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.signaldesk.localstack.TestTopics;
import io.signaldesk.platform.hmac.Hmac;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Tokens, signed requests, fixtures and direct looks at the database and Kafka, shared by the tests. */
final class TestSupport {
    static final String PROBLEM = "application/problem+json";
    static final String TYPE = "https://signaldesk.io/problems/";

    private TestSupport() {}

    static String token(String role) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(UUID.randomUUID().toString())
                .groups(Set.of(role))
                .expiresIn(300)
                .sign();
    }

    static String admin() {
        return token("admin");
    }

    static String trader() {
        return token("trader");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a strategy as admin; returns its id. */
    static String strategy(String instrument) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("name", unique("Strategy"))
                        .put("kind", "EXTERNAL")
                        .put("instrument", instrument)
                        .put("timeframe", "H1")
                        .put("params", new JsonObject())
                        .encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A producer as created: {id, name, strategyId, secret, tradingViewToken}. */
    static JsonObject producer(String strategyId) {
        return new JsonObject(given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("name", unique("Producer"))
                        .put("strategyId", strategyId)
                        .encode())
                .post("/api/v1/producers")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A signal body; prices as strings. */
    static JsonObject signal(String instrument, String side, String entry, String stopLoss, String takeProfit) {
        return new JsonObject()
                .put("instrument", instrument)
                .put("side", side)
                .put("entry", entry)
                .put("stopLoss", stopLoss)
                .put("takeProfit", takeProfit)
                .put("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString())
                .put("rationale", "test signal");
    }

    static JsonObject buy(String instrument) {
        return signal(instrument, "BUY", "1.08400", "1.08100", "1.09000");
    }

    /** POSTs {@code body} to /api/v1/signals signed with {@code secret}, at {@code timestamp} with {@code nonce}. */
    static ValidatableResponse postSigned(String producerId, String secret, String body, long timestamp, String nonce) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String sig = Hmac.sign(secret, Hmac.canonical("POST", "/api/v1/signals", timestamp, nonce, bytes));
        return given().contentType(ContentType.JSON)
                .body(bytes)
                .header("X-Producer-Id", producerId)
                .header("X-Timestamp", Long.toString(timestamp))
                .header("X-Nonce", nonce)
                .header("X-Signature", sig)
                .post("/api/v1/signals")
                .then();
    }

    static ValidatableResponse postSigned(String producerId, String secret, String body) {
        return postSigned(producerId, secret, body, System.currentTimeMillis(), nonce());
    }

    static ValidatableResponse problem(ValidatableResponse r, int status, String slug) {
        return r.statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPE + slug))
                .body("status", equalTo(status));
    }

    /** Rows in signal.signals and signal.outbox, to prove a refusal wrote nothing. */
    static long[] stored() throws Exception {
        return new long[] {count("SELECT count(*) FROM signal.signals"), count("SELECT count(*) FROM signal.outbox")};
    }

    /** Reads signals.v1 (read_committed) from the beginning until a record matches, or fails after 30 s. */
    static ConsumerRecord<String, String> awaitSignalRecord(Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = TestTopics.read("signals.v1", match, 1, Duration.ZERO);
        if (found.isEmpty()) {
            throw new AssertionError("no matching record on signals.v1 within 30 s");
        }
        return found.get(0);
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
