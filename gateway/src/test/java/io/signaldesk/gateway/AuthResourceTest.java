package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class AuthResourceTest {
    static final String PROBLEM = "application/problem+json";

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@test.signaldesk.io";
    }

    static JsonObject register(String email, String password, String referral) {
        JsonObject body = new JsonObject().put("email", email).put("password", password);
        if (referral != null) {
            body.put("referralCode", referral);
        }
        String res = given().contentType(ContentType.JSON)
                .header("User-Agent", "test-agent/1.0")
                .body(body.encode())
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        return new JsonObject(res);
    }

    static JsonObject login(String email, String password) {
        return new JsonObject(given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("email", email)
                        .put("password", password)
                        .encode())
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void registerLoginAndCallAProtectedRoute() {
        String email = email();
        JsonObject user = register(email, "correct horse battery", "FRIEND42");
        JsonObject tokens = login(email.toUpperCase(), "correct horse battery");
        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expiresIn")).isEqualTo(900L);

        given().auth()
                .oauth2(tokens.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(user.getString("id")))
                .body("email", equalTo(email))
                .body("roles", hasItem("trader"))
                .body("referredBy", equalTo("FRIEND42"));
    }

    @Test
    void theAccessTokenIsAnRs256JwtWithTheExpectedClaims() {
        String email = email();
        register(email, "correct horse battery", null);
        String token = login(email, "correct horse battery").getString("accessToken");
        String[] parts = token.split("\\.");
        JsonObject header =
                new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonObject claims =
                new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("typ")).isEqualTo("JWT");
        assertThat(claims.getString("iss")).isEqualTo("https://signaldesk.io");
        assertThat(claims.getValue("aud").toString()).contains("signaldesk");
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("trader");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900L);
    }

    @Test
    void registeringPublishesUserRegisteredThroughTheOutbox() {
        String email = email();
        JsonObject user = register(email, "correct horse battery", "AFF-007");
        String topic = LocalInfraTestResource.current.get("signaldesk.kafka.topic-prefix") + "users.v1";
        try (KafkaCompanion kafka = new KafkaCompanion(LocalInfraTestResource.current.get("kafka.bootstrap.servers"))) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .withProp("isolation.level", "read_committed")
                    .fromTopics(topic)
                    .awaitNoRecords(Duration.ofMillis(1))
                    .getRecords(); // placeholder to create the consumer
            assertThat(records).isNotNull();
            ConsumerRecord<String, String> rec = kafka
                    .consumeStrings()
                    .withProp("isolation.level", "read_committed")
                    .fromTopics(topic)
                    .awaitRecords(1, Duration.ofSeconds(20))
                    .getRecords()
                    .stream()
                    .filter(r -> r.key().equals(user.getString("id")))
                    .findFirst()
                    .orElseGet(
                            () -> kafka
                                    .consumeStrings()
                                    .fromTopics(topic)
                                    .awaitRecords(5, Duration.ofSeconds(5))
                                    .getRecords()
                                    .stream()
                                    .filter(r -> r.key().equals(user.getString("id")))
                                    .findFirst()
                                    .orElseThrow());
            assertThat(header(rec, "ce_type")).isEqualTo("io.signaldesk.UserRegistered");
            assertThat(header(rec, "ce_source")).isEqualTo("/signaldesk/gateway");
            assertThat(header(rec, "ce_specversion")).isEqualTo("1.0");
            JsonObject payload = new JsonObject(rec.value());
            assertThat(payload.getString("email")).isEqualTo(email);
            assertThat(payload.getString("referralCode")).isEqualTo("AFF-007");
            assertThat(payload.getString("signupFingerprint")).hasSize(64).doesNotContain("127.0.0.1");
            assertThat(payload.getString("ipHash")).hasSize(64);
        }
    }

    static String referredBy(String userId) {
        return io.signaldesk.localstack.TestSql.text(
                "SELECT coalesce(referred_by, '<none>') FROM gateway.users WHERE id = '" + userId + "'");
    }

    static String registerWithCookie(String referral, String cookie) {
        JsonObject body = new JsonObject().put("email", email()).put("password", "correct horse battery");
        if (referral != null) {
            body.put("referralCode", referral);
        }
        return new JsonObject(given().contentType(ContentType.JSON)
                        .cookie("sd_ref", cookie)
                        .body(body.encode())
                        .post("/api/v1/auth/register")
                        .then()
                        .statusCode(201)
                        .extract()
                        .asString())
                .getString("id");
    }

    @Test
    void theAttributionCookieFromAReferralLinkAttributesTheSignupAndATypedCodeWins() {
        // /r/{code} set sd_ref; the signup form did not repeat the code
        assertThat(referredBy(registerWithCookie(null, "COOKIE42AB"))).isEqualTo("COOKIE42AB");
        // a code typed at signup is the trader's own choice: it wins over an older cookie
        assertThat(referredBy(registerWithCookie("TYPED-CODE", "COOKIE42AB"))).isEqualTo("TYPED-CODE");
        // a cookie the trader never saw is not their mistake: a malformed one is ignored, not a 400
        assertThat(referredBy(registerWithCookie(null, "a".repeat(40)))).isEqualTo("<none>");
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        String email = email();
        register(email, "correct horse battery", null);
        JsonObject first = login(email, "correct horse battery");

        JsonObject second = refresh(first.getString("refreshToken"), 200);
        assertThat(second.getString("refreshToken")).isNotEqualTo(first.getString("refreshToken"));
        given().auth()
                .oauth2(second.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        JsonObject third = refresh(second.getString("refreshToken"), 200);

        // The first token was rotated: presenting it again looks like theft.
        given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("refreshToken", first.getString("refreshToken"))
                        .encode())
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/refresh-token-reused"));
        // ...and the newest token of that family is dead too.
        given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("refreshToken", third.getString("refreshToken"))
                        .encode())
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        // Another login (another family) is unaffected.
        JsonObject other = login(email, "correct horse battery");
        refresh(other.getString("refreshToken"), 200);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String email = email();
        register(email, "correct horse battery", null);
        JsonObject t = login(email, "correct horse battery");
        given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("refreshToken", t.getString("refreshToken"))
                        .encode())
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("refreshToken", t.getString("refreshToken"))
                        .encode())
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    static JsonObject refresh(String token, int status) {
        return new JsonObject(given().contentType(ContentType.JSON)
                .body(new JsonObject().put("refreshToken", token).encode())
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(status)
                .extract()
                .asString());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSame401() {
        String email = email();
        register(email, "correct horse battery", null);
        for (String[] c : new String[][] {{email, "wrong password!!"}, {email(), "correct horse battery"}}) {
            given().contentType(ContentType.JSON)
                    .body(new JsonObject()
                            .put("email", c[0])
                            .put("password", c[1])
                            .encode())
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/invalid-credentials"))
                    .body("detail", equalTo("Wrong email or password"));
        }
    }

    @Test
    void duplicateEmailIsAConflictAndNothingIsWritten() throws Exception {
        String email = email();
        register(email, "correct horse battery", null);
        given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("email", email.toUpperCase())
                        .put("password", "another password")
                        .encode())
                .post("/api/v1/auth/register")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/email-taken"));
        assertThat(count("SELECT count(*) FROM gateway.users WHERE lower(email) = '" + email + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM gateway.outbox WHERE payload LIKE '%" + email + "%'"))
                .isEqualTo(1);
    }

    @Test
    void aProblemCarriesItsTraceIdThoughNoSpanIsRecordedAndContinuesTheCallersTrace() {
        // traces are not sampled unless an exporter is set up (docs/runbook.md): the ids still exist
        String own = given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"password\":\"short\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .extract()
                .path("traceId");
        assertThat(own).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        String callers = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + callers + "-00f067aa0ba902b7-00")
                .body("{\"email\":\"not-an-email\",\"password\":\"short\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("traceId", equalTo(callers));
    }

    @Test
    void invalidRegistrationsAre400WithViolationsAndStoreNothing() throws Exception {
        long usersBefore = count("SELECT count(*) FROM gateway.users");
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"password\":\"short\",\"referralCode\":\"no spaces!\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/validation"))
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.containsInAnyOrder("email", "password", "referralCode"));
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"a@b.io\", \"password\": ")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/malformed-body"));
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"a@b.io\", \"password\": \"long enough pass\", \"admin\": true}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.TEXT)
                .body("email=a@b.io")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + "a".repeat(300_000) + "\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(413)
                .contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM gateway.users")).isEqualTo(usersBefore);
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().get("/api/v1/auth/login").then().statusCode(405).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"expired", "wrongIssuer", "wrongAudience", "otherKey", "algNone", "hs256PublicKey", "garbage"})
    void everyBadTokenIsRefusedWith401ProblemOnGatewayAndProxiedRoutes(String kind) throws Exception {
        String token = switch (kind) {
            case "expired" -> TestTokens.expired();
            case "wrongIssuer" -> TestTokens.wrongIssuer();
            case "wrongAudience" -> TestTokens.wrongAudience();
            case "otherKey" -> TestTokens.signedByAnotherKey();
            case "algNone" -> TestTokens.algNone();
            case "hs256PublicKey" ->
                TestTokens.hs256WithPublicKey(Path.of(
                        java.net.URI.create(LocalInfraTestResource.current.get("mp.jwt.verify.publickey.location"))));
            default -> "not.a.jwt";
        };
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/traders/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/unauthorized"));
    }

    @Test
    void missingTokenIs401() {
        given().get("/api/v1/me").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/approvals").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aValidTokenToAServiceThatIsDownIs503Problem() {
        given().auth()
                .oauth2(TestTokens.valid(UUID.randomUUID().toString()))
                .get("/api/v1/reconciliation/status")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://signaldesk.io/problems/service-unavailable"))
                .body("detail", containsString("reconciliation"));
    }

    @Test
    void signedRoutesPassWithoutJwtToTheirService() {
        // No token, but EA routes carry their own HMAC signature: the gateway forwards (here: to a down service).
        given().get("/api/v1/ea/poll").then().statusCode(503).contentType(PROBLEM);
        // GET /api/v1/signals is not public, only POST is.
        given().get("/api/v1/signals").then().statusCode(401);
        // a referral link is opened by anyone's browser, and Stripe signs its webhooks
        given().redirects()
                .follow(false)
                .get("/r/ABCDEFGH23")
                .then()
                .statusCode(503)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/billing/webhook")
                .then()
                .statusCode(503)
                .contentType(PROBLEM);
        // everything else of affiliates and payouts needs a token
        given().get("/api/v1/affiliates/me").then().statusCode(401);
        given().post("/api/v1/payouts/run").then().statusCode(401);
        given().get("/r/ABCDEFGH23/more").then().statusCode(401);
    }

    @Test
    void theConfiguredAdminExists() {
        JsonObject t = login("admin@test.signaldesk.io", "admin-password-123");
        given().auth()
                .oauth2(t.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", hasItem("admin"));
    }
}
