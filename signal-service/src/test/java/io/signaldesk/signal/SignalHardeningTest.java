package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.signal.TestSupport.admin;
import static io.signaldesk.signal.TestSupport.buy;
import static io.signaldesk.signal.TestSupport.header;
import static io.signaldesk.signal.TestSupport.nonce;
import static io.signaldesk.signal.TestSupport.postSigned;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.producer;
import static io.signaldesk.signal.TestSupport.stored;
import static io.signaldesk.signal.TestSupport.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The security regression suite's signal-service part (docs/security.md names each test). */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class SignalHardeningTest {
    @Test
    void aCapturedSignalReplayedWithTheProducerIdUpperCasedIsRefusedAsMalformed() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        String body = buy("EURUSD").encode();
        long ts = System.currentTimeMillis();
        String n = nonce();
        postSigned(p.getString("id"), p.getString("secret"), body, ts, n).statusCode(201);
        long[] before = stored();
        problem(
                postSigned(p.getString("id").toUpperCase(Locale.ROOT), p.getString("secret"), body, ts, n),
                401,
                "signature-malformed");
        problem(
                postSigned(p.getString("id").toUpperCase(Locale.ROOT), p.getString("secret"), body),
                401,
                "signature-malformed");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void strategiesArePublishedOnStrategiesV1AndARetiredOneTakesNoSignals() throws Exception {
        String id = strategy("GBPUSD");
        JsonObject p = producer(id);
        List<ConsumerRecord<String, String>> created = TestTopics.read(
                "strategies.v1",
                r -> id.equals(r.key()) && "io.signaldesk.StrategyCreated".equals(header(r, "ce_type")),
                1,
                Duration.ZERO);
        assertThat(created).hasSize(1);
        assertThat(new JsonObject(created.get(0).value()).getString("instrument"))
                .isEqualTo("GBPUSD");

        given().auth()
                .oauth2(admin())
                .post("/api/v1/strategies/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("retiredAt", notNullValue());
        given().auth()
                .oauth2(admin())
                .post("/api/v1/strategies/" + id + "/retire")
                .then()
                .statusCode(200); // harmless twice
        given().auth()
                .oauth2(TestSupport.trader())
                .post("/api/v1/strategies/" + id + "/retire")
                .then()
                .statusCode(403);
        List<ConsumerRecord<String, String>> retired = TestTopics.read(
                "strategies.v1",
                r -> id.equals(r.key()) && "io.signaldesk.StrategyRetired".equals(header(r, "ce_type")),
                1,
                Duration.ofSeconds(2));
        assertThat(retired).as("published once").hasSize(1);

        long[] before = stored();
        problem(
                postSigned(
                        p.getString("id"), p.getString("secret"), buy("GBPUSD").encode()),
                422,
                "strategy-retired");
        assertThat(stored()).containsExactly(before);
        given().auth()
                .oauth2(admin())
                .get("/api/v1/strategies/" + id)
                .then()
                .statusCode(200)
                .body("retiredAt", notNullValue());
    }

    @Test
    void nulCharactersAreRefusedInBodiesOfEveryWriteEndpoint() throws Exception {
        JsonObject p = producer(strategy("EURUSD"));
        long[] before = stored();
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":\"bad\\u0000name\",\"kind\":\"EXTERNAL\",\"instrument\":\"EURUSD\",\"timeframe\":\"H1\"}")
                .post("/api/v1/strategies")
                .then()
                .statusCode(400)
                .contentType(TestSupport.PROBLEM)
                .body(
                        "detail",
                        equalTo("The body contains a NUL character (\\u0000) in a string; no field may hold one"));
        problem(
                postSigned(
                        p.getString("id"),
                        p.getString("secret"),
                        buy("EURUSD").put("rationale", "x\u0000y").encode()),
                400,
                "malformed-body");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void aLeakedTradingViewTokenCanBeReplacedAndTheOldUrlStopsWorkingAtOnce() {
        String strategyId = strategy("EURUSD");
        JsonObject p = producer(strategyId);
        String old = p.getString("tradingViewToken");
        String alert = new JsonObject()
                .put("instrument", "EURUSD")
                .put("side", "BUY")
                .put("entry", "1.084")
                .put("stopLoss", "1.081")
                .put("takeProfit", "1.09")
                .put("time", java.time.Instant.now().toString())
                .encode();
        String fresh = given().auth()
                .oauth2(admin())
                .post("/api/v1/producers/" + p.getString("id") + "/rotate-tradingview-token")
                .then()
                .statusCode(200)
                .extract()
                .path("tradingViewToken");
        assertThat(fresh).isNotEqualTo(old).hasSize(43);
        given().contentType(ContentType.JSON)
                .body(alert)
                .post("/api/v1/hooks/tradingview/" + old)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(alert)
                .post("/api/v1/hooks/tradingview/" + fresh)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestSupport.trader())
                .post("/api/v1/producers/" + p.getString("id") + "/rotate-tradingview-token")
                .then()
                .statusCode(403);
    }
}
