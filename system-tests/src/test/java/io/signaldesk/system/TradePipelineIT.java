package io.signaldesk.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.signaldesk.localstack.DemoFeed;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.EaSimulator;
import io.signaldesk.localstack.GatewayApi;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole trade pipeline through the gateway, on the packaged services and real servers:
 * a producer signs and posts a signal, the subscribed trader approves it, the EA receives the OPEN
 * command and acknowledges the fill (twice), and FillReported lands on fills.v1 exactly once, even
 * when Kafka delivers the signal to approval-service a second time.
 */
class TradePipelineIT {
    static String gw;

    @BeforeAll
    static void up() {
        gw = RunningSuite.gateway();
    }

    static String login(String email, String password) {
        return given().baseUri(gw)
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("email", email)
                        .put("password", password)
                        .encode())
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    static JsonObject post(String path, String token, String body, int status) {
        var req = given().baseUri(gw).contentType(ContentType.JSON).body(body);
        if (token != null) {
            req = req.auth().oauth2(token);
        }
        return new JsonObject(req.post(path).then().statusCode(status).extract().asString());
    }

    static String topic(String logical) {
        return RunningSuite.settings.get("signaldesk.kafka.topic-prefix") + logical;
    }

    @Test
    void producerSignalToApprovalToEaFillExactlyOnce() throws Exception {
        String admin = login("admin@system.test", "admin-password-system");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String strategy = post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"e2e-" + run + "\",\"kind\":\"EXTERNAL\","
                                + "\"instrument\":\"EURUSD\",\"timeframe\":\"H1\",\"params\":{}}",
                        201)
                .getString("id");
        JsonObject producer = post(
                "/api/v1/producers", admin, "{\"name\":\"e2e-" + run + "\",\"strategyId\":\"" + strategy + "\"}", 201);

        String email = "e2e-" + run + "@system.test";
        post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"e2e trader password\"}", 201);
        String trader = login(email, "e2e trader password");
        JsonObject device = post(
                "/api/v1/devices",
                trader,
                "{\"name\":\"MT5\",\"brokerAccount\":\"" + run + "\",\"brokerServer\":\"Demo-1\"}",
                201);
        new GatewayApi(gw)
                .subscribe(
                        trader,
                        "{\"strategyId\":\"" + strategy + "\",\"sizing\":\"FIXED\","
                                + "\"fixedVolume\":\"0.20\",\"maxVolume\":\"1.00\"}")
                .expect(201);

        // 1. the producer signs and posts a signal (through the gateway, no JWT)
        EaClient producerClient = EaClient.producer(gw, producer.getString("id"), producer.getString("secret"));
        EaClient.Reply posted =
                producerClient.postSignal("{\"instrument\":\"EURUSD\",\"side\":\"SELL\",\"entry\":\"1.08400\","
                        + "\"stopLoss\":\"1.08700\",\"takeProfit\":\"1.07800\",\"expiresAt\":\""
                        + Instant.now().plusSeconds(900)
                        + "\",\"rationale\":\"e2e\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String signalId = new JsonObject(posted.body()).getString("id");

        // 2. the trader sees a pending approval
        String approval =
                await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(trader, signalId), id -> id != null);

        // 3. Kafka delivers the same SignalPublished to approval-service again: still one approval
        redeliver(topic("signals.v1"), signalId);
        Thread.sleep(3000);
        assertThat(given().baseUri(gw)
                        .auth()
                        .oauth2(trader)
                        .get("/api/v1/approvals")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.signalId == '" + signalId + "' }"))
                .hasSize(1);

        // 4. approve; the EA's poll returns the OPEN command
        post("/api/v1/approvals/" + approval + "/approve", trader, "{}", 200);
        EaClient ea = new EaClient(gw, device.getString("id"), device.getString("secret"));
        EaClient.Reply polled = ea.poll(10_000);
        assertThat(polled.status()).isEqualTo(200);
        JsonArray commands = new JsonObject(polled.body()).getJsonArray("commands");
        assertThat(commands).hasSize(1);
        JsonObject cmd = commands.getJsonObject(0);
        assertThat(cmd.getString("type")).isEqualTo("OPEN");
        assertThat(cmd.getString("side")).isEqualTo("SELL");
        assertThat(cmd.getString("volume")).isEqualTo("0.2");
        assertThat(cmd.getString("stopLoss")).isEqualTo("1.087");

        // 5. ack FILLED twice: the same answer, one fill
        String ack = "{\"commandId\":\"" + cmd.getString("commandId") + "\",\"status\":\"FILLED\",\"ticket\":88001234,"
                + "\"price\":\"1.08395\",\"volume\":\"0.20\"}";
        EaClient.Reply a1 = ea.ack(ack);
        EaClient.Reply a2 = ea.ack(ack);
        assertThat(a1.status()).isEqualTo(200);
        assertThat(a2.status()).isEqualTo(200);
        assertThat(new JsonObject(a2.body()).getBoolean("repeated")).isTrue();

        List<ConsumerRecord<String, String>> fills = consume(topic("fills.v1"), cmd.getString("commandId"));
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).key()).isEqualTo(run);
        JsonObject fill = new JsonObject(fills.get(0).value());
        assertThat(fill.getString("price")).isEqualTo("1.08395");
        assertThat(fill.getLong("ticket")).isEqualTo(88001234L);

        given().baseUri(gw)
                .auth()
                .oauth2(trader)
                .get("/api/v1/approvals/" + approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("execution.status", equalTo("FILLED"))
                .body("execution.price", equalTo("1.08395"));
    }

    static String pendingFor(String trader, String signalId) {
        List<String> ids = given().baseUri(gw)
                .auth()
                .oauth2(trader)
                .get("/api/v1/approvals?status=PENDING")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.signalId == '" + signalId + "' }.id", String.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Re-publishes the signal's record (same CloudEvent id and headers), as a redelivery would. */
    static void redeliver(String topic, String signalId) throws Exception {
        ConsumerRecord<String, String> original = consume(topic, signalId).get(0);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", RunningSuite.settings.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> copy =
                    new ProducerRecord<>(topic, null, original.key(), original.value(), original.headers());
            p.send(copy).get();
        }
    }

    static List<ConsumerRecord<String, String>> consume(String topic, String containing) {
        // a duplicate would show up within the 2 s quiet window
        return TestTopics.read(
                RunningSuite.settings.get("kafka.bootstrap.servers"),
                topic,
                r -> r.value() != null && r.value().contains(containing),
                1,
                Duration.ofSeconds(2));
    }

    /**
     * The built-in engine end to end: bars posted through the gateway, the Fib-RSI decision on the
     * last one, auto-approved for the subscriber, filled by the simulated terminal at the feed's price.
     */
    @Test
    void engineSignalFromCandlesIsAutoApprovedAndFilledAtTheMarketPrice() throws Exception {
        String admin = login("admin@system.test", "admin-password-system");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String instrument = "E" + run.toUpperCase().replaceAll("[^A-Z0-9]", "0");
        String strategy = post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"engine-" + run + "\",\"kind\":\"FIB_RSI\"," + "\"instrument\":\"" + instrument
                                + "\",\"timeframe\":\"M1\",\"params\":{\"expiryBars\":30}}",
                        201)
                .getString("id");
        String email = "engine-" + run + "@system.test";
        post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"e2e trader password\"}", 201);
        String trader = login(email, "e2e trader password");
        JsonObject device = post(
                "/api/v1/devices",
                trader,
                "{\"name\":\"MT5\",\"brokerAccount\":\"" + run + "\",\"brokerServer\":\"Demo-1\"}",
                201);
        new GatewayApi(gw)
                .subscribe(
                        trader,
                        "{\"strategyId\":\"" + strategy + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\","
                                + "\"maxVolume\":\"1.00\",\"autoApprove\":true,\"autoApproveMaxVolume\":\"1.00\"}")
                .expect(201);
        // the terminal's market has moved on from the signal's entry (1.08385) by the time it executes
        java.math.BigDecimal market = DemoFeed.close(DemoFeed.SIGNAL_BAR + 10);
        assertThat(market).isNotEqualByComparingTo("1.08385");
        try (EaSimulator terminal = new EaSimulator(
                        new EaClient(gw, device.getString("id"), device.getString("secret")),
                        i -> instrument.equals(i) ? market : null)
                .start()) {
            Instant anchor = DemoFeed.anchorForSignalNow();
            StringBuilder bars = new StringBuilder("{\"candles\":[");
            for (int k = 0; k <= DemoFeed.SIGNAL_BAR; k++) {
                bars.append(k == 0 ? "" : ",").append(DemoFeed.bar(anchor, k));
            }
            JsonObject result = post(
                    "/api/v1/strategies/" + strategy + "/candles",
                    admin,
                    bars.append("]}").toString(),
                    200);
            assertThat(result.getInteger("stored")).isEqualTo(95);
            JsonObject signal = result.getJsonArray("signals").getJsonObject(0);
            assertThat(signal.getString("side")).isEqualTo("BUY");
            assertThat(signal.getString("entry")).isEqualTo("1.08385");
            assertThat(signal.getString("stopLoss")).isEqualTo("1.079");

            String approval = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                List<String> ids = given().baseUri(gw)
                                        .auth()
                                        .oauth2(trader)
                                        .get("/api/v1/approvals")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getList(
                                                "findAll { it.signalId == '" + signal.getString("id") + "' }.id",
                                                String.class);
                                return ids.isEmpty() ? null : ids.get(0);
                            },
                            id -> id != null);
            await().atMost(Duration.ofSeconds(30)).until(() -> terminal.filled() == 1);
            JsonObject view = new JsonObject(given().baseUri(gw)
                    .auth()
                    .oauth2(trader)
                    .get("/api/v1/approvals/" + approval)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(view.getString("status")).isEqualTo("APPROVED");
            assertThat(view.getJsonObject("execution").getString("status")).isEqualTo("FILLED");
            // executed at the market price, not the entry (0.0009 away): the simulator adds up to 0.000005 of
            // slippage and rounds to the quote's 5 decimals, so the fill is at most 0.00001 from the market
            assertThat(new java.math.BigDecimal(view.getJsonObject("execution").getString("price"))
                            .subtract(market)
                            .abs())
                    .isLessThanOrEqualTo(new java.math.BigDecimal("0.00001"));
        }
    }
}
