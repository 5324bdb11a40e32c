package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.per-user-per-minute",
                    "5",
                    "gateway.rate-limit.auth-per-ip-per-minute",
                    "3",
                    "gateway.rate-limit.per-ip-per-minute",
                    "40");
        }
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfter() {
        String token = TestTokens.valid(UUID.randomUUID().toString());
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/api/v1/approvals").then().statusCode(503); // allowed, service down
        }
        given().auth()
                .oauth2(token)
                .get("/api/v1/approvals")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://signaldesk.io/problems/rate-limited"));
        // Another user has a bucket of their own.
        given().auth()
                .oauth2(TestTokens.valid(UUID.randomUUID().toString()))
                .get("/api/v1/approvals")
                .then()
                .statusCode(503);
    }

    @Test
    void loginAttemptsPerIpAreLimited() {
        String body = "{\"email\":\"nobody@test.io\",\"password\":\"whatever-password\"}";
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
    }

    @Test
    void requestsWithBadTokensAreCountedInTheIpBucketToo() {
        int refused = 0;
        for (int i = 0; i < 60 && refused == 0; i++) {
            int status = given().auth()
                    .oauth2("not.a.jwt")
                    .get("/api/v1/approvals")
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused)
                .as("guessing tokens hits the per-IP limit (40/min here)")
                .isEqualTo(1);
    }
}
