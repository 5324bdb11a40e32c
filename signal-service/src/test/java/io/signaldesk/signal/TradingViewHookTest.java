package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.signal.TestSupport.admin;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.producer;
import static io.signaldesk.signal.TestSupport.stored;
import static io.signaldesk.signal.TestSupport.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class TradingViewHookTest {

    static JsonObject alert(String instrument, Instant time) {
        return new JsonObject()
                .put("instrument", instrument)
                .put("side", "BUY")
                .put("entry", "2350.5")
                .put("stopLoss", "2340")
                .put("takeProfit", "2380.25")
                .put("time", time.toString());
    }

    static ValidatableResponse post(String token, String body, String contentType) {
        return given().contentType(contentType)
                .body(body)
                .post("/api/v1/hooks/tradingview/" + token)
                .then();
    }

    @Test
    void aFreshAlertIsStoredWithADefaultExpiryAndPublished() throws Exception {
        JsonObject p = producer(strategy("XAUUSD"));
        Instant fired = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        String id = post(p.getString("tradingViewToken"), alert("XAUUSD", fired).encode(), "application/json")
                .statusCode(201)
                .body("source", equalTo("tradingview:" + p.getString("id")))
                .body("entry", equalTo("2350.5"))
                .body("expiresAt", equalTo(fired.plus(Duration.ofHours(1)).toString()))
                .extract()
                .path("id");
        assertThat(count("SELECT count(*) FROM signal.signals WHERE id = '" + id + "' AND source = 'tradingview:"
                        + p.getString("id") + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM signal.outbox WHERE payload LIKE '%" + id + "%'"))
                .isEqualTo(1);

        // TradingView sends text/plain unless told otherwise: still JSON, still accepted
        Instant expires = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
        post(
                        p.getString("tradingViewToken"),
                        alert("XAUUSD", Instant.now())
                                .put("expiresAt", expires.toString())
                                .put("rationale", "breakout")
                                .encode(),
                        "text/plain")
                .statusCode(201)
                .body("expiresAt", equalTo(expires.toString()))
                .body("rationale", equalTo("breakout"));
    }

    @Test
    void staleAlertsUnknownTokensAndBadBodiesAreRefusedAndStoreNothing() throws Exception {
        JsonObject p = producer(strategy("XAUUSD"));
        String token = p.getString("tradingViewToken");
        long[] before = stored();

        problem(
                post(token, alert("XAUUSD", Instant.now().minusSeconds(120)).encode(), "application/json"),
                422,
                "alert-too-old");
        problem(
                post(token, alert("XAUUSD", Instant.now().plusSeconds(600)).encode(), "application/json"),
                422,
                "alert-time-in-future");
        problem(
                post(
                        "not-a-real-token-0000000000000000000000000",
                        alert("XAUUSD", Instant.now()).encode(),
                        "application/json"),
                404,
                "not-found");
        problem(post(token, alert("EURUSD", Instant.now()).encode(), "application/json"), 422, "instrument-mismatch");
        problem(
                post(
                        token,
                        alert("XAUUSD", Instant.now()).put("stopLoss", "2390").encode(),
                        "application/json"),
                422,
                "signal-levels");
        problem(post(token, "BUY XAUUSD now!", "text/plain"), 400, "malformed-body");
        problem(
                post(token, alert("XAUUSD", Instant.now()).putNull("time").encode(), "application/json"),
                400,
                "validation");

        given().auth()
                .oauth2(admin())
                .delete("/api/v1/producers/" + p.getString("id"))
                .then()
                .statusCode(204);
        problem(post(token, alert("XAUUSD", Instant.now()).encode(), "application/json"), 404, "not-found");

        assertThat(stored()).containsExactly(before);
        given().contentType(ContentType.JSON)
                .body("{}")
                .get("/api/v1/hooks/tradingview/" + token)
                .then()
                .statusCode(405);
    }
}
