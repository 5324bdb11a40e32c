package io.signaldesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import io.signaldesk.localstack.TestSql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class of input that used to end in a 500 or half-written state, sent through the gateway to
 * every write endpoint of the suite: each string field with a NUL character, each list with a null
 * element, bodies that are not objects, and identical requests at once. Every answer must be a 4xx
 * problem (or the one success a duplicate allows), and nothing may be written by a refused request.
 */
class HostileInputIT {
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static String gw;
    static GatewayApi api;
    static String admin;
    static String trader;
    static String traderId;
    static JsonObject device;
    static JsonObject producer;
    static String strategy;
    static String approval;

    /** One write endpoint: how to send a body to it, a valid body, and the rows a refused request must not add. */
    record Write(String name, Function<String, Answer> send, JsonObject valid, String rowsSql) {}

    record Answer(int status, String contentType, String body) {}

    @BeforeAll
    static void setUp() {
        gw = RunningSuite.gateway();
        api = new GatewayApi(gw);
        admin = api.login("admin@system.test", "admin-password-system");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "hostile-" + run + "@system.test";
        traderId = api.post(
                        "/api/v1/auth/register",
                        null,
                        "{\"email\":\"" + email + "\",\"password\":\"hostile password\"}")
                .expect(201)
                .field("id");
        trader = api.login(email, "hostile password");
        strategy = api.post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"hostile-" + run + "\",\"kind\":\"EXTERNAL\","
                                + "\"instrument\":\"EURUSD\",\"timeframe\":\"H1\",\"params\":{}}")
                .expect(201)
                .field("id");
        producer = new JsonObject(api.post(
                        "/api/v1/producers",
                        admin,
                        "{\"name\":\"hostile-" + run + "\",\"strategyId\":\"" + strategy + "\"}")
                .expect(201)
                .body());
        device = new JsonObject(api.post(
                        "/api/v1/devices",
                        trader,
                        "{\"name\":\"MT5\",\"brokerAccount\":\"" + run + "\",\"brokerServer\":\"Demo-1\"}")
                .expect(201)
                .body());
        api.subscribe(
                        trader,
                        "{\"strategyId\":\"" + strategy + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\","
                                + "\"maxVolume\":\"1.00\"}")
                .expect(201);
        EaClient.Reply posted = EaClient.producer(gw, producer.getString("id"), producer.getString("secret"))
                .postSignal(signal().encode());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String signalId = new JsonObject(posted.body()).getString("id");
        approval = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonArray list = new JsonArray(api.get("/api/v1/approvals?status=PENDING", trader)
                                    .expect(200)
                                    .body());
                            return list.stream()
                                    .map(o -> (JsonObject) o)
                                    .filter(a -> signalId.equals(a.getString("signalId")))
                                    .map(a -> a.getString("id"))
                                    .findFirst()
                                    .orElse(null);
                        },
                        id -> id != null);
    }

    static JsonObject signal() {
        return new JsonObject()
                .put("instrument", "EURUSD")
                .put("side", "BUY")
                .put("entry", "1.08400")
                .put("stopLoss", "1.08100")
                .put("takeProfit", "1.09000")
                .put("expiresAt", Instant.now().plusSeconds(900).toString())
                .put("rationale", "hostile input test")
                .put("clientSignalId", "c-" + UUID.randomUUID());
    }

    static Function<String, Answer> json(String method, String path, String token) {
        return body -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Function<String, Answer> signed(EaClient client, String path) {
        return body -> {
            EaClient.Reply r = client.send("POST", path, body, EaClient.newNonce());
            return new Answer(
                    r.status(), r.body().startsWith("{\"type\"") ? "application/problem+json" : "?", r.body());
        };
    }

    static List<Write> writes() {
        EaClient ea = new EaClient(gw, device.getString("id"), device.getString("secret"));
        EaClient prod = EaClient.producer(gw, producer.getString("id"), producer.getString("secret"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Write(
                        "register",
                        json("POST", "/api/v1/auth/register", null),
                        new JsonObject()
                                .put("email", "h-" + run + "@system.test")
                                .put("password", "hostile password")
                                .put("referralCode", "REF1"),
                        "SELECT count(*) FROM gateway.users"),
                new Write(
                        "login",
                        json("POST", "/api/v1/auth/login", null),
                        new JsonObject().put("email", "nobody@system.test").put("password", "hostile password"),
                        "SELECT count(*) FROM gateway.refresh_tokens"),
                new Write(
                        "refresh",
                        json("POST", "/api/v1/auth/refresh", null),
                        new JsonObject().put("refreshToken", "x".repeat(43)),
                        "SELECT count(*) FROM gateway.refresh_tokens"),
                new Write(
                        "create strategy",
                        json("POST", "/api/v1/strategies", admin),
                        new JsonObject()
                                .put("name", "h-" + run)
                                .put("kind", "FIB_RSI")
                                .put("instrument", "EURUSD")
                                .put("timeframe", "H1")
                                .put(
                                        "params",
                                        new JsonObject()
                                                .put(
                                                        "fibLevels",
                                                        new JsonArray()
                                                                .add("0.382")
                                                                .add("0.618"))),
                        "SELECT count(*) FROM signal.strategies"),
                new Write(
                        "create producer",
                        json("POST", "/api/v1/producers", admin),
                        new JsonObject().put("name", "h-" + run).put("strategyId", strategy),
                        "SELECT count(*) FROM signal.producers"),
                new Write(
                        "signed signal",
                        signed(prod, "/api/v1/signals"),
                        signal(),
                        "SELECT count(*) FROM signal.signals"),
                new Write(
                        "tradingview alert",
                        json("POST", "/api/v1/hooks/tradingview/" + producer.getString("tradingViewToken"), null),
                        new JsonObject()
                                .put("instrument", "EURUSD")
                                .put("side", "BUY")
                                .put("entry", "1.084")
                                .put("stopLoss", "1.081")
                                .put("takeProfit", "1.09")
                                .put("time", Instant.now().toString()),
                        "SELECT count(*) FROM signal.signals"),
                new Write(
                        "register device",
                        json("POST", "/api/v1/devices", trader),
                        new JsonObject()
                                .put("name", "MT5 2")
                                .put("brokerAccount", "h" + run)
                                .put("brokerServer", "Demo-2"),
                        "SELECT count(*) FROM approval.devices"),
                new Write(
                        "subscribe",
                        json("POST", "/api/v1/subscriptions", trader),
                        new JsonObject()
                                .put("strategyId", strategy)
                                .put("sizing", "FIXED")
                                .put("fixedVolume", "0.10")
                                .put("maxVolume", "1.00"),
                        "SELECT count(*) FROM approval.subscriptions"),
                new Write(
                        "approve",
                        json("POST", "/api/v1/approvals/" + approval + "/approve", trader),
                        new JsonObject().put("volume", "0.10"),
                        "SELECT count(*) FROM approval.commands"),
                new Write(
                        "reject",
                        json("POST", "/api/v1/approvals/" + approval + "/reject", trader),
                        new JsonObject().put("reason", "not today"),
                        "SELECT count(*) FROM approval.approval_history"),
                new Write(
                        "EA ack",
                        signed(ea, "/api/v1/ea/ack"),
                        new JsonObject()
                                .put("commandId", UUID.randomUUID().toString())
                                .put("status", "FAILED")
                                .put("error", "broker said no"),
                        "SELECT count(*) FROM approval.outbox"),
                new Write(
                        "EA snapshot",
                        signed(ea, "/api/v1/ea/snapshot"),
                        new JsonObject()
                                .put("balance", "1000")
                                .put("equity", "990")
                                .put("currency", "USD")
                                .put(
                                        "positions",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("ticket", 1)
                                                        .put("instrument", "EURUSD")
                                                        .put("side", "BUY")
                                                        .put("volume", "0.10")
                                                        .put("openPrice", "1.084")
                                                        .put("profit", "-10"))),
                        "SELECT count(*) FROM approval.account_state"),
                new Write(
                        "guards config",
                        json("PUT", "/api/v1/guards/config", trader),
                        new JsonObject()
                                .put("deviceId", device.getString("id"))
                                .put("timeZone", "Europe/London")
                                .put(
                                        "drawdownPercent",
                                        new JsonObject()
                                                .put("warn", "5")
                                                .put("block", "10")
                                                .put("close", "20"))
                                .put(
                                        "dailyLoss",
                                        new JsonObject()
                                                .put("warn", "100")
                                                .put("block", "200")
                                                .put("close", "300"))
                                .put(
                                        "staleTerminal",
                                        new JsonObject().put("warnSeconds", 60).put("blockSeconds", 120)),
                        "SELECT count(*) FROM reconciliation.guard_configs"),
                new Write(
                        "guards clear",
                        json("POST", "/api/v1/guards/clear", trader),
                        new JsonObject().put("deviceId", device.getString("id")).put("kind", "DRAWDOWN"),
                        "SELECT count(*) FROM reconciliation.guard_events"));
    }

    /** Every way of spoiling {@code valid} that no endpoint may store: NUL in each string, a null in each list, non-objects. */
    static List<String> spoiled(JsonObject valid) {
        List<String> out = new ArrayList<>(List.of("null", "[]", "[null]", "\"\\u0000\"", "{\"\\u0000\":1}"));
        collect(valid, valid, new ArrayList<>(), out);
        return out;
    }

    private static void collect(JsonObject root, Object node, List<Object> path, List<String> out) {
        if (node instanceof JsonObject o) {
            for (String k : o.fieldNames()) {
                List<Object> p = new ArrayList<>(path);
                p.add(k);
                collect(root, o.getValue(k), p, out);
            }
        } else if (node instanceof JsonArray a) {
            out.add(replaced(root, path, new JsonArray().addNull()).encode());
            out.add(replaced(root, path, a.copy().addNull()).encode());
            for (int i = 0; i < a.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                collect(root, a.getValue(i), p, out);
            }
        } else if (node instanceof String s) {
            out.add(replaced(root, path, s + "\u0000").encode());
            out.add(replaced(root, path, "\u0000" + s).encode());
        }
    }

    private static JsonObject replaced(JsonObject root, List<Object> path, Object value) {
        JsonObject copy = root.copy();
        Object at = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            at = k instanceof String key ? ((JsonObject) at).getValue(key) : ((JsonArray) at).getValue((Integer) k);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String key) {
            ((JsonObject) at).put(key, value);
        } else {
            ((JsonArray) at).set((Integer) last, value);
        }
        return copy;
    }

    static long rows(String sql) {
        return TestSql.count(RunningSuite.settings.get("quarkus.datasource.jdbc.url"), sql);
    }

    @Test
    void nulCharactersNullElementsAndNonObjectsAre4xxProblemsAtEveryWriteEndpointAndWriteNothing() {
        int sent = 0;
        List<Write> writes = writes();
        for (Write w : writes) {
            long before = rows(w.rowsSql());
            for (String body : spoiled(w.valid())) {
                Answer a = w.send().apply(body);
                sent++;
                assertThat(a.status())
                        .as("%s with %s -> %s", w.name(), body, a.body())
                        .isBetween(400, 499);
                assertThat(a.contentType()).as("%s with %s", w.name(), body).startsWith("application/problem+json");
            }
            assertThat(rows(w.rowsSql()))
                    .as("%s: refused requests wrote nothing", w.name())
                    .isEqualTo(before);
        }
        System.out.println("HostileInputIT: " + sent + " spoiled requests to " + writes.size()
                + " write endpoints, all 4xx problems");
        assertThat(sent).isGreaterThan(100);
    }

    @Test
    void identicalRequestsAtOnceGiveOneSuccessAndConflictsNeverA500() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "twin-" + run + "@system.test";
        List<Write> twins = List.of(
                new Write(
                        "register",
                        json("POST", "/api/v1/auth/register", null),
                        new JsonObject().put("email", email).put("password", "hostile password"),
                        "SELECT count(*) FROM gateway.users"),
                new Write(
                        "create strategy",
                        json("POST", "/api/v1/strategies", admin),
                        new JsonObject()
                                .put("name", "twin-" + run)
                                .put("kind", "EXTERNAL")
                                .put("instrument", "EURUSD")
                                .put("timeframe", "H1"),
                        "SELECT count(*) FROM signal.strategies"),
                new Write(
                        "register device",
                        json("POST", "/api/v1/devices", trader),
                        new JsonObject()
                                .put("name", "MT5 twin")
                                .put("brokerAccount", "t" + run)
                                .put("brokerServer", "Demo-2"),
                        "SELECT count(*) FROM approval.devices"));
        for (Write w : twins) {
            long before = rows(w.rowsSql());
            List<CompletableFuture<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> w.send().apply(w.valid().encode())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Answer> c : calls) {
                statuses.add(c.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).as(w.name()).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).as(w.name()).hasSize(1);
            assertThat(rows(w.rowsSql())).as(w.name()).isEqualTo(before + 1);
        }
    }
}
