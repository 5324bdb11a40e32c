package io.signaldesk.approval;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test helpers: users, devices, subscriptions, and strategy, signal and guard events on the real broker. */
final class PipelineFixture {
    private PipelineFixture() {}

    static Map<String, String> cfg() {
        return LocalInfraTestResource.current;
    }

    static String token(UUID user) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(user.toString())
                .groups(Set.of("trader"))
                .expiresIn(300)
                .sign();
    }

    record Dev(String id, String secret) {
        EaClient client() {
            return new EaClient("http://127.0.0.1:" + RestAssured.port, id, secret);
        }
    }

    static Dev device(UUID user) {
        JsonObject d = new JsonObject(given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"MT5 desktop\",\"brokerAccount\":\""
                        + Math.abs(user.getLeastSignificantBits() % 100_000_000L)
                        + "\",\"brokerServer\":\"Demo-Server 1\"}")
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        return new Dev(d.getString("id"), d.getString("secret"));
    }

    static String subscribe(UUID user, UUID strategy, String extra) {
        return given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + strategy
                        + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"" + extra + "}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A strategy approval-service knows: its StrategyCreated goes through the real topic and consumer
     * (as signal-service would publish it), and this returns once the projection has it.
     */
    static UUID strategy() throws Exception {
        UUID id = UUID.randomUUID();
        send(strategyEvent(
                "StrategyCreated",
                new JsonObject()
                        .put("strategyId", id.toString())
                        .put("name", "test " + id)
                        .put("kind", "EXTERNAL")
                        .put("instrument", "EURUSD")
                        .put("timeframe", "H1")
                        .put("createdAt", Instant.now().toString())));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> io.signaldesk.localstack.TestSql.count(
                                "SELECT count(*) FROM approval.strategies WHERE strategy_id = '" + id + "'")
                        == 1);
        return id;
    }

    static ProducerRecord<String, String> strategyEvent(String type, JsonObject payload) {
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg().get("signaldesk.kafka.topic-prefix") + "strategies.v1",
                payload.getString("strategyId"),
                payload.encode());
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(UUID.randomUUID().toString()))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/signal-service"));
        return r;
    }

    /** A guards.v1 event as reconciliation-service would publish it, keyed by the payload's account id. */
    static ProducerRecord<String, String> guardEvent(String type, JsonObject payload) {
        return guardEvent(UUID.randomUUID().toString(), type, payload);
    }

    /** The same with a chosen CloudEvents id (a redelivery repeats it). */
    static ProducerRecord<String, String> guardEvent(String eventId, String type, JsonObject payload) {
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg().get("signaldesk.kafka.topic-prefix") + "guards.v1",
                payload.getString("accountId"),
                payload.encode());
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/reconciliation-service"));
        return r;
    }

    static ProducerRecord<String, String> signalEvent(String eventId, UUID signalId, UUID strategy, Instant expiresAt) {
        String payload = new JsonObject()
                .put("signalId", signalId.toString())
                .put("strategyId", strategy.toString())
                .put("instrument", "EURUSD")
                .put("side", "BUY")
                .put("entry", "1.08400")
                .put("stopLoss", "1.08100")
                .put("takeProfit", "1.09000")
                .put("expiresAt", expiresAt.toString())
                .put("rationale", "test signal")
                .put("source", "test")
                .put("publishedAt", Instant.now().toString())
                .encode();
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg().get("signaldesk.kafka.topic-prefix") + "signals.v1", strategy.toString(), payload);
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk.SignalPublished"))
                .add("ce_source", b("/signaldesk/signal-service"));
        return r;
    }

    /** A billing.v1 SubscriptionChanged as payout-service publishes it. */
    static ProducerRecord<String, String> subscriptionChanged(
            UUID user, String tier, int maxDevices, int maxSubscriptions, Instant changedAt) {
        return subscriptionChanged(user, tier, maxDevices, maxSubscriptions, changedAt, null);
    }

    /** ... with the user's subscription version (null: an unversioned event). */
    static ProducerRecord<String, String> subscriptionChanged(
            UUID user, String tier, int maxDevices, int maxSubscriptions, Instant changedAt, Long version) {
        JsonObject payload = new JsonObject()
                .put("userId", user.toString())
                .put("tier", tier)
                .put("status", "FREE".equals(tier) ? "CANCELED" : "ACTIVE")
                .put("currentPeriodEnd", changedAt.plusSeconds(30 * 86400).toString())
                .put("maxDevices", maxDevices)
                .put("maxSubscriptions", maxSubscriptions)
                .put("changedAt", changedAt.toString());
        if (version != null) {
            payload.put("version", version);
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg().get("signaldesk.kafka.topic-prefix") + "billing.v1", user.toString(), payload.encode());
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(UUID.randomUUID().toString()))
                .add("ce_type", b("io.signaldesk.SubscriptionChanged"))
                .add("ce_source", b("/signaldesk/payout-service"));
        return r;
    }

    /** Gives the user a paid tier through billing.v1 and returns once approval-service applied it. */
    static void entitle(UUID user, String tier, int maxDevices, int maxSubscriptions) throws Exception {
        send(subscriptionChanged(user, tier, maxDevices, maxSubscriptions, Instant.now()));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> io.signaldesk.localstack.TestSql.count(
                                "SELECT count(*) FROM approval.user_entitlements WHERE user_id = '" + user
                                        + "' AND tier = '" + tier + "'")
                        == 1);
    }

    static void send(ProducerRecord<String, String>... records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", cfg().get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> r : records) {
                p.send(r).get();
            }
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
