package io.signaldesk.affiliate;

import io.signaldesk.localstack.LocalInfraTestResource;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Tokens and CloudEvents on the real broker, as the gateway, payout-service and the EA bridge publish them. */
final class AffiliateFixture {
    private AffiliateFixture() {}

    static String token(UUID user, String... roles) {
        return Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject(user.toString())
                .groups(Set.of(roles.length == 0 ? new String[] {"trader"} : roles))
                .expiresIn(300)
                .sign();
    }

    static String topic(String logical) {
        return LocalInfraTestResource.current.get("signaldesk.kafka.topic-prefix") + logical;
    }

    static void send(String logicalTopic, String key, String type, String eventId, String payload) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic(logicalTopic), key, payload);
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk." + type))
                .add("ce_source", b("/signaldesk/test"))
                .add("content-type", b("application/json"));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalInfraTestResource.current.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get();
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void registered(UUID user, String code, String fingerprint, String ipHash) throws Exception {
        send(
                "users.v1",
                user.toString(),
                "UserRegistered",
                UUID.randomUUID().toString(),
                "{\"userId\":\"" + user + "\",\"email\":\"" + user + "@test.io\",\"roles\":[\"trader\"],"
                        + "\"referralCode\":" + (code == null ? "null" : "\"" + code + "\"") + ","
                        + "\"signupFingerprint\":\"" + fingerprint + "\",\"ipHash\":\"" + ipHash + "\","
                        + "\"registeredAt\":\"" + Instant.now() + "\"}");
    }

    static String paymentSucceeded(UUID paymentId, UUID user, String amount, String currency, String fingerprint) {
        return paymentSucceeded(paymentId, user, amount, currency, fingerprint, Instant.now());
    }

    static String paymentSucceeded(
            UUID paymentId, UUID user, String amount, String currency, String fingerprint, Instant paidAt) {
        return "{\"paymentId\":\"" + paymentId + "\",\"userId\":\"" + user + "\",\"stripeInvoiceId\":\"in_" + paymentId
                + "\",\"tier\":\"PRO\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\"},\"paymentFingerprint\":" + (fingerprint == null ? "null" : "\"" + fingerprint + "\"")
                + ",\"paidAt\":\"" + paidAt + "\"}";
    }

    static void paid(UUID paymentId, UUID user, String amount, String fingerprint) throws Exception {
        send(
                "billing.v1",
                user.toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                paymentSucceeded(paymentId, user, amount, "USD", fingerprint));
    }

    static String refund(UUID paymentId, UUID user, String refundId, String amount) {
        return "{\"paymentId\":\"" + paymentId + "\",\"userId\":\"" + user + "\",\"stripeChargeId\":\"ch_1\","
                + "\"refundId\":\"" + refundId + "\",\"reason\":\"refund\",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"USD\"},\"refundedAt\":\"" + Instant.now() + "\"}";
    }

    static String payoutFailed(UUID payoutId, UUID affiliate, String amount) {
        return "{\"payoutId\":\"" + payoutId + "\",\"affiliateId\":\"" + affiliate + "\",\"amount\":{\"amount\":\""
                + amount + "\",\"currency\":\"USD\"},\"reason\":\"account_closed\",\"failedAt\":\"" + Instant.now()
                + "\"}";
    }

    static String payoutPaid(UUID payoutId, UUID affiliate, String amount) {
        return "{\"payoutId\":\"" + payoutId + "\",\"affiliateId\":\"" + affiliate + "\",\"amount\":{\"amount\":\""
                + amount + "\",\"currency\":\"USD\"},\"stripeTransferId\":\"tr_1\",\"paidAt\":\"" + Instant.now()
                + "\"}";
    }

    static String fill(UUID user, String instrument, String side, String volume) {
        return "{\"fillId\":\"" + UUID.randomUUID() + "\",\"commandId\":\"" + UUID.randomUUID() + "\",\"userId\":\""
                + user + "\",\"deviceId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"acc-" + user
                + "\",\"action\":\"OPEN\",\"instrument\":\"" + instrument + "\",\"side\":\"" + side
                + "\",\"ticket\":1,\"volume\":\"" + volume + "\",\"price\":\"1.08\",\"executedAt\":\"" + Instant.now()
                + "\"}";
    }

    /** Makes the user an affiliate (201) and returns the code. */
    static String enroll(UUID user) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(token(user))
                .post("/api/v1/affiliates")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    /** The stored balance of an account in USD, as text at the column's scale. */
    static String balance(UUID owner, String kind) {
        return io.signaldesk.localstack.TestSql.text("SELECT balance::text FROM affiliate.ledger_accounts WHERE "
                + "owner_id = '" + owner + "' AND kind = '" + kind + "' AND currency = 'USD'");
    }

    static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }
}
