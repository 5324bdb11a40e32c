package io.signaldesk.payout;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static org.awaitility.Awaitility.await;

import io.signaldesk.localstack.LocalInfraTestResource;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Affiliates, commissions.v1 events as affiliate-service publishes them, and admin runs. */
final class PayoutFixture {
    private PayoutFixture() {}

    static String token(UUID user, String role) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(user.toString())
                .groups(Set.of(role))
                .expiresIn(300)
                .sign();
    }

    static String admin() {
        return token(UUID.randomUUID(), "admin");
    }

    /** An affiliate with a Connect account (onboarded through the API); returns their id. */
    static UUID connectedAffiliate() {
        UUID affiliate = UUID.randomUUID();
        given().auth()
                .oauth2(token(affiliate, "trader"))
                .post("/api/v1/payouts/connect")
                .then()
                .statusCode(200);
        return affiliate;
    }

    static String account(UUID affiliate) {
        return io.signaldesk.localstack.TestSql.text(
                "SELECT stripe_account_id FROM payout.connect_accounts WHERE affiliate_id = '" + affiliate + "'");
    }

    static JsonObject money(String amount, String currency) {
        return new JsonObject().put("amount", amount).put("currency", currency);
    }

    /** EarningsReleased of a new entry, waited for until consumed; returns the event id. */
    static String release(UUID affiliate, String amount, String currency) throws Exception {
        return release(UUID.randomUUID().toString(), UUID.randomUUID(), affiliate, amount, currency);
    }

    static String release(String eventId, UUID entryId, UUID affiliate, String amount, String currency)
            throws Exception {
        JsonObject payload = new JsonObject()
                .put("entryId", entryId.toString())
                .put("affiliateId", affiliate.toString())
                .put("amount", money(amount, currency))
                .put("releasedAt", Instant.now().toString());
        sendAndAwait(eventId, "EarningsReleased", affiliate, payload.encode());
        return eventId;
    }

    static void reverse(UUID affiliate, String amount, String currency) throws Exception {
        JsonObject payload = new JsonObject()
                .put("entryId", UUID.randomUUID().toString())
                .put("affiliateId", affiliate.toString())
                .put("amount", money(amount, currency))
                .put("reason", "refund")
                .put("reversedAt", Instant.now().toString());
        sendAndAwait(UUID.randomUUID().toString(), "EarningsReversed", affiliate, payload.encode());
    }

    static void sendAndAwait(String eventId, String type, UUID affiliate, String payload) throws Exception {
        send(eventId, type, affiliate.toString(), payload);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM payout.inbox WHERE event_id = '" + eventId + "'") == 1);
    }

    static void send(String eventId, String type, String key, String payload) throws Exception {
        Map<String, String> cfg = LocalInfraTestResource.current;
        ProducerRecord<String, String> r =
                new ProducerRecord<>(cfg.get("signaldesk.kafka.topic-prefix") + "commissions.v1", key, payload);
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/affiliate-service"))
                .add("content-type", b("application/json"));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", cfg.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get();
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** POST /api/v1/payouts/run as an admin; the run's summary. */
    static JsonObject run() {
        return new JsonObject(given().auth()
                .oauth2(admin())
                .post("/api/v1/payouts/run")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static String payoutOf(UUID affiliate, String state) {
        return io.signaldesk.localstack.TestSql.text("SELECT id::text FROM payout.payouts WHERE affiliate_id = '"
                + affiliate + "' AND state = '" + state + "' ORDER BY created_at DESC LIMIT 1");
    }

    static long payouts(UUID affiliate) {
        return count("SELECT count(*) FROM payout.payouts WHERE affiliate_id = '" + affiliate + "'");
    }

    static java.math.BigDecimal payable(UUID affiliate, String currency) {
        return new java.math.BigDecimal(
                io.signaldesk.localstack.TestSql.text("SELECT payable::text FROM payout.earnings_balances "
                        + "WHERE affiliate_id = '" + affiliate + "' AND currency = '" + currency + "'"));
    }

    /** Stored balances that differ from the sum of their entries. */
    static long drift() {
        return count("SELECT count(*) FROM payout.earnings_balances b WHERE b.payable <> (SELECT "
                + "coalesce(sum(e.amount), 0) FROM payout.earnings_entries e WHERE e.affiliate_id = b.affiliate_id "
                + "AND e.currency = b.currency)");
    }
}
