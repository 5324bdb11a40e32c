package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The security regression suite's gateway part (docs/security.md names each test). */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class GatewayHardeningTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void operationalEndpointsAreOnlyOnTheManagementPort() {
        for (String p : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/health/live")) {
            given().get(p).then().statusCode(404);
            given().baseUri(ManagementPort.url()).get(p).then().statusCode(200);
        }
        assertThat(ManagementPort.url()).doesNotEndWith(":" + RestAssured.port);
    }

    @Test
    void metricsLabelProxiedRoutesByTemplateAndNeverCarryATokenOrAnId() {
        String token = "tvTOKEN" + UUID.randomUUID().toString().replace("-", "");
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/hooks/tradingview/" + token)
                .then()
                .statusCode(503);
        given().auth()
                .oauth2(TestTokens.valid(UUID.randomUUID().toString()))
                .get("/api/v1/approvals/" + id)
                .then()
                .statusCode(503);
        given().get("/api/v1/signals/" + id).then().statusCode(401); // refused before any proxying
        given().get("/api/nowhere/" + id).then().statusCode(404); // (not /nowhere/...: a console route)
        String refusedByVertx = UUID.randomUUID().toString(); // a request Vert.x refuses before any route runs
        RawHttp.Reply huge = RawHttp.send(
                RestAssured.port,
                "GET",
                "/api/v1/approvals/" + refusedByVertx,
                "X-Big: " + "a".repeat(70_000) + "\r\n",
                null);
        assertThat(huge.status()).isBetween(400, 499);
        String metrics = given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .doesNotContain(token)
                .doesNotContain(id)
                .doesNotContain(refusedByVertx)
                .contains("uri=\"/api/v1/hooks/{path}\"")
                .contains("uri=\"/api/v1/approvals/{path}\"");
        metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .forEach(l -> assertThat(l).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-"));
    }

    @Test
    void secretsInUrlsAreMaskedInEveryLogLine() throws Exception {
        String token = "tvLOG" + UUID.randomUUID().toString().replace("-", "");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/hooks/tradingview/" + token)
                .then()
                .statusCode(503);
        // a line from code that is not ours, with the secret in its message and in an exception
        Logger.getLogger("org.example.ThirdParty")
                .warnf(
                        new IllegalStateException("GET /api/v1/hooks/tradingview/" + token + " failed"),
                        "calling http://127.0.0.1/api/v1/hooks/tradingview/%s?x=1&token=%s",
                        token,
                        token);
        Path log = Path.of("target/quarkus-test.log");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(log) && Files.readString(log).contains("org.example.ThirdParty"));
        String text = Files.readString(log);
        assertThat(text).doesNotContain(token).contains("/api/v1/hooks/tradingview/***");
    }

    @Test
    void aDotSegmentOrAnEncodedLetterIsRefusedBeforeAnyDecisionIsTakenOnIt() {
        int port = RestAssured.port;
        // would have skipped the JWT check (raw path under the public /api/v1/ea/ prefix)
        assertThat(RawHttp.send(port, "GET", "/api/v1/ea/../approvals", "", null)
                        .status())
                .isEqualTo(400);
        assertThat(RawHttp.send(port, "GET", "/api/v1/ea/%2e%2e/approvals", "", null)
                        .status())
                .isEqualTo(400);
        // would have escaped the auth bucket into the general one
        String login = "{\"email\":\"nobody@test.io\",\"password\":\"whatever-password\"}";
        String json = "Content-Type: application/json\r\n";
        assertThat(RawHttp.send(port, "POST", "/api/v1/%61uth/login", json, login)
                        .status())
                .isEqualTo(400);
        assertThat(RawHttp.send(port, "POST", "/api/v1/auth;x=1/login", json, login)
                        .status())
                .isEqualTo(400);
        assertThat(RawHttp.send(port, "GET", "/api/v1//approvals", "", null).status())
                .isEqualTo(400);
        assertThat(RawHttp.send(port, "GET", "/api/v1/approvals%2F..%2Fea", "", null)
                        .status())
                .isEqualTo(400);
        RawHttp.Reply r = RawHttp.send(port, "GET", "/x/../api/v1/approvals", "", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains(PROBLEM).contains("normal form");
        // the canonical spellings still work as before
        assertThat(RawHttp.send(port, "POST", "/api/v1/auth/login", json, login).status())
                .isEqualTo(401);
        assertThat(RawHttp.send(port, "GET", "/api/v1/approvals", "", null).status())
                .isEqualTo(401);
    }

    /**
     * A refresh that is still inside its transaction when the logout runs: a test-only trigger makes
     * the insert of the new token take 600 ms, so the logout always lands inside that window.
     */
    @Test
    void aTokenMintedByARefreshRacingALogoutIsRevokedWithItsFamily() throws Exception {
        String email = "race" + UUID.randomUUID().toString().substring(0, 8) + "@test.signaldesk.io";
        AuthResourceTest.register(email, "correct horse battery", null);
        String refreshToken =
                AuthResourceTest.login(email, "correct horse battery").getString("refreshToken");
        String body = new JsonObject().put("refreshToken", refreshToken).encode();
        execute("CREATE OR REPLACE FUNCTION gateway.test_slow_token_insert() RETURNS trigger AS $$ "
                + "BEGIN PERFORM pg_sleep(0.6); RETURN NEW; END $$ LANGUAGE plpgsql");
        execute("CREATE TRIGGER test_slow_token_insert BEFORE INSERT ON gateway.refresh_tokens FOR EACH ROW "
                + "EXECUTE FUNCTION gateway.test_slow_token_insert()");
        io.restassured.response.Response refreshed;
        try {
            CompletableFuture<io.restassured.response.Response> refresh = CompletableFuture.supplyAsync(
                    () -> given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/refresh"));
            Thread.sleep(250); // the refresh holds its locks and sleeps in the insert
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/auth/logout")
                    .then()
                    .statusCode(204);
            refreshed = refresh.get();
        } finally {
            execute("DROP TRIGGER test_slow_token_insert ON gateway.refresh_tokens");
        }
        if (refreshed.statusCode() == 200) {
            String minted = new JsonObject(refreshed.asString()).getString("refreshToken");
            given().contentType(ContentType.JSON)
                    .body(new JsonObject().put("refreshToken", minted).encode())
                    .post("/api/v1/auth/refresh")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM);
        } else {
            assertThat(refreshed.statusCode()).isEqualTo(401);
        }
        assertThat(count("SELECT count(*) FROM gateway.refresh_tokens t JOIN gateway.users u ON u.id = t.user_id "
                        + "WHERE u.email = '" + email + "' AND t.revoked_at IS NULL"))
                .isZero();
    }

    @Test
    void refusedRequestsAreProblemsWithoutInternals() {
        RawHttp.Reply nul = RawHttp.send(RestAssured.port, "GET", "/api/v1/ea/poll?x=%00", "", null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text()).contains(PROBLEM).contains("NUL");
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"a\\u0000@test.io\",\"password\":\"whatever-password\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/malformed-body"));
    }
}
