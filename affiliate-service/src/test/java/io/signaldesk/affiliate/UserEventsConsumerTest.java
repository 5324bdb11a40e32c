package io.signaldesk.affiliate;

import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** users.v1 through a real broker into a real database: a redelivered event has one effect. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class UserEventsConsumerTest {

    static Map<String, String> cfg() {
        return LocalInfraTestResource.current;
    }

    static String topic(String logical) {
        return cfg().get("signaldesk.kafka.topic-prefix") + logical;
    }

    static ProducerRecord<String, String> userRegistered(String eventId, UUID userId, String code) {
        String payload = "{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@test.io\",\"roles\":[\"trader\"],"
                + "\"referralCode\":" + (code == null ? "null" : "\"" + code + "\"") + ","
                + "\"signupFingerprint\":\"" + "f".repeat(64) + "\",\"ipHash\":\"" + "a".repeat(64) + "\","
                + "\"registeredAt\":\"" + Instant.now() + "\"}";
        ProducerRecord<String, String> r = new ProducerRecord<>(topic("users.v1"), userId.toString(), payload);
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk.UserRegistered"))
                .add("ce_source", b("/signaldesk/gateway"))
                .add("content-type", b("application/json"));
        return r;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void send(List<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", cfg().get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> r : records) {
                p.send(r).get();
            }
        }
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(List.of(userRegistered(eventId, user, "CODE-1"), userRegistered(eventId, user, "CODE-1")));
        // Same key, same partition: once the second copy is counted as a duplicate, both were consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesCounted() >= 1);
        assertThat(count("SELECT count(*) FROM affiliate.signups WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM affiliate.signups WHERE referral_code = 'CODE-1'"))
                .isEqualTo(1);
    }

    static double duplicatesCounted() {
        String metrics = io.restassured.RestAssured.given()
                .baseUri(io.signaldesk.localstack.ManagementPort.url())
                .get("/q/metrics")
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("signaldesk_events_consumed_total")
                        && l.contains("outcome=\"duplicate\"")
                        && l.contains("affiliate-service.users"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndDoesNotBlockTheNext() throws Exception {
        UUID next = UUID.randomUUID();
        ProducerRecord<String, String> poison = new ProducerRecord<>(topic("users.v1"), "poison", "{not json");
        poison.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(UUID.randomUUID().toString()))
                .add("ce_type", b("io.signaldesk.UserRegistered"))
                .add("ce_source", b("/test"));
        send(List.of(poison, userRegistered(UUID.randomUUID().toString(), next, null)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM affiliate.signups WHERE user_id = '" + next + "'") == 1);

        List<String> dead = TestTopics.read("dlq.affiliate-service.users.v1", r -> true, 1, Duration.ZERO).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(dead).contains("{not json");
        // Nothing of the poison event was written.
        assertThat(count("SELECT count(*) FROM affiliate.signups WHERE signup_fingerprint IS NULL"))
                .isZero();
    }
}
