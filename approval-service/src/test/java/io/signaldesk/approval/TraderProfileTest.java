package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.token;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class TraderProfileTest {

    @Test
    void aTraderProfileAppearsWhenUserRegisteredArrives() throws Exception {
        UUID user = UUID.randomUUID();
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/traders/me")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        Map<String, String> cfg = LocalInfraTestResource.current;
        String payload =
                "{\"userId\":\"" + user + "\",\"email\":\"t@test.io\",\"roles\":[\"trader\"],\"referralCode\":null,"
                        + "\"signupFingerprint\":\"" + "f".repeat(64) + "\",\"ipHash\":\"" + "a".repeat(64) + "\","
                        + "\"registeredAt\":\"2026-11-23T10:00:00Z\"}";
        ProducerRecord<String, String> r =
                new ProducerRecord<>(cfg.get("signaldesk.kafka.topic-prefix") + "users.v1", user.toString(), payload);
        r.headers()
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "io.signaldesk.UserRegistered".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/signaldesk/gateway".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", cfg.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(token(user))
                        .get("/api/v1/traders/me")
                        .then()
                        .statusCode(200)
                        .body("email", equalTo("t@test.io"))
                        .body(
                                "registeredAt",
                                equalTo(Instant.parse("2026-11-23T10:00:00Z").toString())));
    }

    @Test
    void noTokenIs401Problem() {
        given().get("/api/v1/traders/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readinessChecksDatabaseKafkaAndRedis() {
        given().baseUri(io.signaldesk.localstack.ManagementPort.url())
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
