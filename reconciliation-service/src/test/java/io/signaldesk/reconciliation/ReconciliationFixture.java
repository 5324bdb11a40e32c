package io.signaldesk.reconciliation;

import static io.signaldesk.localstack.TestSql.count;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestInfra;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Events as approval-service publishes them, through the real broker, and the service's Redis behind a proxy. */
final class ReconciliationFixture {
    static final TcpProxy REDIS;

    static {
        try {
            REDIS = new TcpProxy(TestInfra.get().redis.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service talks to Redis through {@link #REDIS}, so a test can take it away. */
    public static class RedisBehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port());
        }
    }

    private ReconciliationFixture() {}

    /** One trader's terminal: its device, broker account and the tickets it trades. */
    record Terminal(UUID user, UUID device, String account) {
        static Terminal create() {
            UUID user = UUID.randomUUID();
            return new Terminal(
                    user,
                    UUID.randomUUID(),
                    Long.toString(Math.abs(user.getLeastSignificantBits() % 90_000_000L) + 10_000_000L));
        }

        String token() {
            return ReconciliationFixture.token(user);
        }

        /** Sends a FillReported and waits until it is applied. */
        void fill(String action, long ticket, String volume, String price, Instant executedAt) throws Exception {
            sendAndAwait("fills.v1", "FillReported", fillEvent(this, action, ticket, volume, price, executedAt));
        }

        /** Sends a TerminalsSeen of this terminal alone (as {@code user}) and waits until it is consumed. */
        void seen(UUID asUser, Instant snapshotTakenAt, Instant seenAt) throws Exception {
            sendAndAwait(
                    "account-snapshots.v1",
                    "TerminalsSeen",
                    new JsonObject()
                            .put("reportId", UUID.randomUUID().toString())
                            .put(
                                    "terminals",
                                    new JsonArray()
                                            .add(new JsonObject()
                                                    .put("deviceId", device.toString())
                                                    .put("userId", asUser.toString())
                                                    .put("accountId", account)
                                                    .put("snapshotTakenAt", snapshotTakenAt.toString())
                                                    .put("seenAt", seenAt.toString())))
                            .put("reportedAt", Instant.now().toString()));
        }

        /** Sends an AccountSnapshot and waits until it is consumed (applied, or ignored as older). */
        void snapshot(String balance, String equity, Instant takenAt, JsonObject... positions) throws Exception {
            sendAndAwait(
                    "account-snapshots.v1",
                    "AccountSnapshot",
                    snapshotEvent(this, balance, equity, takenAt, java.util.List.of(positions)));
        }
    }

    /** Sends one TerminalsSeen of these terminals, each seen at {@code seenAt} in its snapshot of {@code takenAt}. */
    static void seenAll(java.util.List<Terminal> terms, Instant takenAt, Instant seenAt) throws Exception {
        JsonArray entries = new JsonArray();
        for (Terminal t : terms) {
            entries.add(new JsonObject()
                    .put("deviceId", t.device().toString())
                    .put("userId", t.user().toString())
                    .put("accountId", t.account())
                    .put("snapshotTakenAt", takenAt.toString())
                    .put("seenAt", seenAt.toString()));
        }
        sendAndAwait(
                "account-snapshots.v1",
                "TerminalsSeen",
                new JsonObject()
                        .put("reportId", UUID.randomUUID().toString())
                        .put("terminals", entries)
                        .put("reportedAt", Instant.now().toString()));
    }

    static JsonObject fillEvent(
            Terminal t, String action, long ticket, String volume, String price, Instant executedAt) {
        return new JsonObject()
                .put("fillId", UUID.randomUUID().toString())
                .put("commandId", UUID.randomUUID().toString())
                .put("userId", t.user().toString())
                .put("deviceId", t.device().toString())
                .put("accountId", t.account())
                .put("action", action)
                .put("instrument", "EURUSD")
                .put("side", "BUY")
                .put("ticket", ticket)
                .put("volume", volume)
                .put("price", price)
                .put("executedAt", executedAt.toString());
    }

    static JsonObject snapshotEvent(
            Terminal t, String balance, String equity, Instant takenAt, java.util.List<JsonObject> positions) {
        JsonArray ps = new JsonArray();
        positions.forEach(ps::add);
        return new JsonObject()
                .put("snapshotId", UUID.randomUUID().toString())
                .put("userId", t.user().toString())
                .put("deviceId", t.device().toString())
                .put("accountId", t.account())
                .put("currency", "USD")
                .put("balance", balance)
                .put("equity", equity)
                .put("positions", ps)
                .put("takenAt", takenAt.toString());
    }

    static JsonObject position(long ticket, String volume, String openPrice, String profit) {
        return new JsonObject()
                .put("ticket", ticket)
                .put("instrument", "EURUSD")
                .put("side", "BUY")
                .put("volume", volume)
                .put("openPrice", openPrice)
                .put("profit", profit);
    }

    static String token(UUID user) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(user.toString())
                .groups(Set.of("trader"))
                .expiresIn(300)
                .sign();
    }

    static Map<String, String> cfg() {
        return LocalInfraTestResource.current;
    }

    static void sendAndAwait(String topic, String type, JsonObject payload) throws Exception {
        String eventId = UUID.randomUUID().toString();
        send(topic, type, eventId, payload);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM reconciliation.inbox WHERE event_id = '" + eventId + "'") == 1);
    }

    static void send(String topic, String type, String eventId, JsonObject payload) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg().get("signaldesk.kafka.topic-prefix") + topic, payload.getString("accountId"), payload.encode());
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/approval-service"))
                .add("content-type", b("application/json"));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", cfg().get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get();
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
