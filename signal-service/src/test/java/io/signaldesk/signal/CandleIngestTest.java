package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.execute;
import static io.signaldesk.signal.TestSupport.PROBLEM;
import static io.signaldesk.signal.TestSupport.admin;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.trader;
import static io.signaldesk.signal.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import io.signaldesk.signal.strategy.FibRsi;
import io.signaldesk.signal.strategy.FibRsiTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Candles through REST into real Postgres, the Fib-RSI engine's decisions out on real Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class CandleIngestTest {

    /** A market of its own per test: candles are shared by every strategy of a market. */
    static String instrument() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String engine(String instrument, JsonObject params) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("name", unique("Engine"))
                        .put("kind", "FIB_RSI")
                        .put("instrument", instrument)
                        .put("timeframe", "H1")
                        .put("params", params)
                        .encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The crafted series of FibRsiTest moved so that its last bar is the one that closed {@code agoHours} ago. */
    static List<FibRsi.Candle> crafted(int agoHours) {
        List<FibRsi.Candle> s = FibRsiTest.series(new BigDecimal("0.0065"));
        Instant lastOpen = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1L + agoHours));
        Duration shift = Duration.between(s.get(s.size() - 1).time(), lastOpen);
        return s.stream()
                .map(c -> new FibRsi.Candle(c.time().plus(shift), c.open(), c.high(), c.low(), c.close(), c.volume()))
                .toList();
    }

    static JsonObject bar(FibRsi.Candle c) {
        return new JsonObject()
                .put("time", c.time().toString())
                .put("open", c.open().toPlainString())
                .put("high", c.high().toPlainString())
                .put("low", c.low().toPlainString())
                .put("close", c.close().toPlainString())
                .put("volume", c.volume().toPlainString());
    }

    static String batch(List<FibRsi.Candle> bars) {
        JsonArray a = new JsonArray();
        bars.forEach(c -> a.add(bar(c)));
        return new JsonObject().put("candles", a).encode();
    }

    static ValidatableResponse post(String strategyId, String body) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/strategies/" + strategyId + "/candles")
                .then();
    }

    static long signalsOf(String strategyId) throws Exception {
        return count("SELECT count(*) FROM signal.signals WHERE strategy_id = '" + strategyId + "'");
    }

    static long barsOf(String instrument) throws Exception {
        return count("SELECT count(*) FROM signal.candles WHERE instrument = '" + instrument + "'");
    }

    @Test
    void theCraftedSeriesBecomesOneLongSignalPublishedExactlyOnce() throws Exception {
        String instrument = instrument();
        String strategyId = engine(instrument, new JsonObject());
        List<FibRsi.Candle> bars = crafted(0);
        Instant last = bars.get(bars.size() - 1).time();

        String signalId = post(strategyId, batch(bars))
                .statusCode(200)
                .body("instrument", equalTo(instrument))
                .body("timeframe", equalTo("H1"))
                .body("received", equalTo(95))
                .body("stored", equalTo(95))
                .body("duplicates", equalTo(0))
                .body("signals", hasSize(1))
                .body("signals[0].side", equalTo("BUY"))
                .body("signals[0].entry", equalTo("1.0385"))
                .body("signals[0].stopLoss", equalTo("0.99"))
                .body("signals[0].takeProfit", equalTo("1.1"))
                .body("signals[0].source", equalTo("engine:fib-rsi"))
                .body("signals[0].candleTime", equalTo(last.toString()))
                // closes at last + 1 h, valid for expiryBars = 3 more bars
                .body(
                        "signals[0].expiresAt",
                        equalTo(last.plus(Duration.ofHours(4)).toString()))
                .body("signals[0].rationale", containsString("RSI(14) crossed up through 30"))
                .body("signals[0].rationale", containsString("61.8% retracement 1.0382 of the 1-1.1 swing"))
                .extract()
                .path("signals[0].id");

        // the same batch again (a retry): nothing new, no second decision
        post(strategyId, batch(bars))
                .statusCode(200)
                .body("stored", equalTo(0))
                .body("duplicates", equalTo(95))
                .body("signals", empty());
        assertThat(barsOf(instrument)).isEqualTo(95);
        assertThat(signalsOf(strategyId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM signal.outbox WHERE event_type = 'io.signaldesk.SignalPublished' "
                        + "AND payload LIKE '%" + strategyId + "%'"))
                .isEqualTo(1);

        List<ConsumerRecord<String, String>> published =
                TestTopics.read("signals.v1", r -> strategyId.equals(r.key()), 1, Duration.ofSeconds(2));
        assertThat(published).hasSize(1);
        JsonObject payload = new JsonObject(published.get(0).value());
        assertThat(payload.getString("signalId")).isEqualTo(signalId);
        assertThat(payload.getString("source")).isEqualTo("engine:fib-rsi");
        assertThat(new BigDecimal(payload.getString("entry"))).isEqualByComparingTo("1.0385");

        // an operator deletes the decided bar and the feed sends it again: the bar is new, the decision is not
        execute("DELETE FROM signal.candles WHERE instrument = '" + instrument + "' AND open_time = '" + last + "'");
        post(strategyId, batch(bars))
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("duplicates", equalTo(94))
                .body("signals", empty());
        assertThat(signalsOf(strategyId)).isEqualTo(1);

        given().baseUri(io.signaldesk.localstack.ManagementPort.url())
                .get("/q/metrics")
                .then()
                .body(containsString("signaldesk_signals_published_total{source=\"engine\"}"));
        given().auth()
                .oauth2(trader())
                .get("/api/v1/signals?strategyId=" + strategyId)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(signalId));
    }

    @Test
    void barByBarGivesTheSameDecisionAsOneBatch() throws Exception {
        String instrument = instrument();
        String strategyId = engine(instrument, new JsonObject());
        List<FibRsi.Candle> bars = crafted(0);
        post(strategyId, batch(bars.subList(0, 94)))
                .statusCode(200)
                .body("stored", equalTo(94))
                .body("signals", empty());
        post(strategyId, batch(bars.subList(94, 95)))
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("signals", hasSize(1))
                .body("signals[0].entry", equalTo("1.0385"));
        assertThat(signalsOf(strategyId)).isEqualTo(1);
    }

    @Test
    void everyEngineStrategyOfTheMarketDecidesAndHistoryPublishesNothing() throws Exception {
        // bars that closed 10 h ago: the decision would have expired after 3 bars, so none is made
        String instrument = instrument();
        String a = engine(instrument, new JsonObject());
        post(a, batch(crafted(10))).statusCode(200).body("stored", equalTo(95)).body("signals", empty());
        assertThat(signalsOf(a)).isZero();

        // live bars posted through strategy d's URL: c decides too (it trades the same market); d, the same
        // market without the 61.8 % level, does not (the cross is too far from 38.2 % and 50 %)
        String other = instrument();
        String c = engine(other, new JsonObject());
        String d = engine(
                other,
                new JsonObject().put("fibLevels", new JsonArray().add("0.382").add("0.5")));
        post(d, batch(crafted(0)))
                .statusCode(200)
                .body("signals", hasSize(1))
                .body("signals[0].strategyId", equalTo(c));
        assertThat(signalsOf(c)).isEqualTo(1);
        assertThat(signalsOf(d)).isZero();
    }

    @Test
    void badBatchesAre4xxProblemsAndStoreNothing() throws Exception {
        String instrument = instrument();
        String strategyId = engine(instrument, new JsonObject());
        Instant open = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        JsonObject good = new JsonObject()
                .put("time", open.toString())
                .put("open", "1.1")
                .put("high", "1.2")
                .put("low", "1.0")
                .put("close", "1.15");

        // not signed in, not an admin, no such strategy, an EXTERNAL strategy
        problem(
                given().contentType(ContentType.JSON)
                        .body(batch(List.of()))
                        .post("/api/v1/strategies/" + strategyId + "/candles")
                        .then(),
                401,
                "unauthorized");
        problem(
                given().auth()
                        .oauth2(trader())
                        .contentType(ContentType.JSON)
                        .body(new JsonObject()
                                .put("candles", new JsonArray().add(good))
                                .encode())
                        .post("/api/v1/strategies/" + strategyId + "/candles")
                        .then(),
                403,
                "forbidden");
        problem(
                post(
                        UUID.randomUUID().toString(),
                        new JsonObject()
                                .put("candles", new JsonArray().add(good))
                                .encode()),
                404,
                "not-found");
        String external = TestSupport.strategy("EURUSD");
        problem(
                post(
                        external,
                        new JsonObject()
                                .put("candles", new JsonArray().add(good))
                                .encode()),
                422,
                "strategy-not-engine");

        // malformed, empty, and each kind of bad bar, all reported at once
        problem(post(strategyId, "{\"candles\": [ {"), 400, "malformed-body");
        problem(post(strategyId, "{\"candles\": []}"), 400, "validation").body("violations.field", hasItem("candles"));
        JsonArray bad = new JsonArray()
                .add(good.copy().put("high", "1.12")) // high below close
                .add(good.copy().put("time", open.plus(Duration.ofMinutes(90)).toString())) // not an H1 open
                .add(good.copy().put("time", open.plus(Duration.ofHours(3)).toString())) // still open
                .add(good.copy().put("time", open.minus(Duration.ofHours(1)).toString())) // out of order
                .add(good.copy().put("close", -1)) // not a price
                .add(good.copy().put("volume", "1.0000001")); // 7 decimals
        problem(post(strategyId, new JsonObject().put("candles", bad).encode()), 400, "validation")
                .body("violations.field", hasItem("candles[0]"))
                .body("violations.field", hasItem("candles[1].time"))
                .body("violations.field", hasItem("candles[2].time"))
                .body("violations.field", hasItem("candles[3].time"))
                .body("violations.field", hasItem("candles[4].close"))
                .body("violations.field", hasItem("candles[5].volume"));
        assertThat(barsOf(instrument)).isZero();

        // nulls, absurd magnitudes and times: still one 400 naming each, never a 500
        problem(post(strategyId, "{\"candles\":[null]}"), 400, "malformed-body")
                .body("detail", equalTo("Field 'candles[0]' must not be null (lists have no null elements)"));
        String odd = "{\"candles\":[{\"time\":\"" + open
                + "\",\"open\":\"1.3\",\"high\":\"1.2\",\"low\":\"1.0\",\"close\":\"1.15\"},"
                + "{\"open\":\"1.1\",\"high\":\"1.2\",\"low\":\"1.0\",\"close\":\"1.15\"},"
                + "{\"time\":\"" + open
                + "\",\"open\":\"1e2147483647\",\"high\":1e400,\"low\":\"1.0\",\"close\":\"1.15\",\"volume\":\"1e30\"},"
                + "{\"time\":\"-5000-01-01T00:00:00Z\",\"open\":\"1.1\",\"high\":\"1.2\",\"low\":\"1.0\",\"close\":\"1.15\"},"
                + "{\"time\":\"+1000000000-01-01T00:00:00Z\",\"open\":\"1.1\",\"high\":\"1.2\",\"low\":\"1.0\",\"close\":\"1.15\"}]}";
        problem(post(strategyId, odd), 400, "validation")
                .body("violations.field", hasItem("candles[0]"))
                .body("violations.field", hasItem("candles[1].time"))
                .body("violations.field", hasItem("candles[2].open"))
                .body("violations.field", hasItem("candles[2].high"))
                .body("violations.field", hasItem("candles[2].volume"))
                .body("violations.field", hasItem("candles[3].time"))
                .body("violations.field", hasItem("candles[4].time"));
        assertThat(barsOf(instrument)).isZero();

        // a stored bar never changes: a batch that contradicts one is refused whole
        post(
                        strategyId,
                        new JsonObject()
                                .put("candles", new JsonArray().add(good))
                                .encode())
                .statusCode(200)
                .body("stored", equalTo(1));
        JsonObject next = good.copy().put("time", open.plus(Duration.ofHours(1)).toString());
        problem(
                        post(
                                strategyId,
                                new JsonObject()
                                        .put(
                                                "candles",
                                                new JsonArray()
                                                        .add(good.copy().put("close", "1.16"))
                                                        .add(next))
                                        .encode()),
                        409,
                        "candle-conflict")
                .body("detail", containsString(open.toString()));
        assertThat(barsOf(instrument)).isEqualTo(1);
        assertThat(signalsOf(strategyId)).isZero();
    }

    @Test
    void anyoneSignedInReadsTheNewestBars() {
        String instrument = instrument();
        String strategyId = engine(instrument, new JsonObject());
        List<FibRsi.Candle> bars = crafted(0);
        post(strategyId, batch(bars)).statusCode(200);
        given().auth()
                .oauth2(trader())
                .get("/api/v1/strategies/" + strategyId + "/candles?limit=3")
                .then()
                .statusCode(200)
                .body("instrument", equalTo(instrument))
                .body("candles", hasSize(3))
                .body("candles[2].time", equalTo(bars.get(94).time().toString()))
                .body("candles[2].close", equalTo("1.0385"))
                .body("candles[0].time", equalTo(bars.get(92).time().toString()));
        given().auth()
                .oauth2(trader())
                .get("/api/v1/strategies/" + strategyId + "/candles?limit=2&before="
                        + bars.get(92).time())
                .then()
                .statusCode(200)
                .body(
                        "candles.time",
                        equalTo(List.of(
                                bars.get(90).time().toString(),
                                bars.get(91).time().toString())));
        given().auth()
                .oauth2(trader())
                .get("/api/v1/strategies/" + strategyId + "/candles?limit=0&before=yesterday")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("limit"))
                .body("violations.field", hasItem("before"));
    }
}
