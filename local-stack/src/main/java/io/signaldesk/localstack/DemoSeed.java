package io.signaldesk.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The demo, seeded through the public API like any client would: a demo trader, a strategy fed by
 * an outside producer, a Fib-RSI engine strategy on a simulated M1 feed ({@link DemoFeed}), the
 * trader's MT5 device (run by {@link EaSimulator}, filling at the feed's price) subscribed to both,
 * one signed producer signal and, on the first run, the engine's signal waiting for approval. Ids and secrets are kept in
 * {@code .local/demo.properties} so later runs reuse them.
 */
final class DemoSeed {
    static final String STRATEGY_NAME = "Demo EURUSD signals";

    static final String ENGINE_NAME = "Demo EURUSD Fib-RSI (M1)";

    /** {@code engineApprovalId}: the approval of the engine's signal, null when the feed made none this run. */
    record Result(String approvalId, String engineApprovalId, EaSimulator simulator, DemoFeed feed) {}

    private DemoSeed() {}

    /** {@code started} is told of the feed and the simulated terminal as soon as each starts, to stop them first. */
    static Result run(
            String gateway,
            Path stateFile,
            String adminEmail,
            String adminPassword,
            String traderEmail,
            String traderPassword,
            java.util.function.Consumer<AutoCloseable> started) {
        GatewayApi api = new GatewayApi(gateway);
        api.post(
                        "/api/v1/auth/register",
                        null,
                        "{\"email\":\"" + traderEmail + "\",\"password\":\"" + traderPassword + "\"}")
                .expect(201, 409);
        Properties state = load(stateFile);
        String admin = api.login(adminEmail, adminPassword);
        String trader = api.login(traderEmail, traderPassword);

        if (state.getProperty("strategy") == null) {
            GatewayApi.Answer a = api.post(
                            "/api/v1/strategies",
                            admin,
                            "{\"name\":\"" + STRATEGY_NAME + "\",\"kind\":\"EXTERNAL\","
                                    + "\"instrument\":\"EURUSD\",\"timeframe\":\"H1\",\"params\":{}}")
                    .expect(201);
            state.setProperty("strategy", a.field("id"));
            GatewayApi.Answer p = api.post(
                            "/api/v1/producers",
                            admin,
                            "{\"name\":\"Demo webhook producer\",\"strategyId\":\"" + a.field("id") + "\"}")
                    .expect(201);
            state.setProperty("producer.id", p.field("id"));
            state.setProperty("producer.secret", p.field("secret"));
            GatewayApi.Answer d = api.post(
                            "/api/v1/devices",
                            trader,
                            "{\"name\":\"Demo MT5 (simulated)\",\"brokerAccount\":\"5001234\","
                                    + "\"brokerServer\":\"SignalDesk-Demo\"}")
                    .expect(201);
            state.setProperty("device.id", d.field("id"));
            state.setProperty("device.secret", d.field("secret"));
            api.subscribe(
                            trader,
                            "{\"strategyId\":\"" + a.field("id") + "\",\"deviceId\":\"" + d.field("id")
                                    + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}")
                    .expect(201);
            save(stateFile, state);
        }

        if (state.getProperty("engine.strategy") == null) {
            // the built-in engine on a simulated M1 feed; decisions stay valid for 30 bars
            GatewayApi.Answer e = api.post(
                            "/api/v1/strategies",
                            admin,
                            "{\"name\":\"" + ENGINE_NAME + "\",\"kind\":\"FIB_RSI\","
                                    + "\"instrument\":\"EURUSD\",\"timeframe\":\"M1\",\"params\":{\"expiryBars\":30}}")
                    .expect(201);
            state.setProperty("engine.strategy", e.field("id"));
            state.setProperty("feed.anchor", DemoFeed.anchorForSignalNow().toString());
            api.subscribe(
                            trader,
                            "{\"strategyId\":\"" + e.field("id") + "\",\"deviceId\":\"" + state.getProperty("device.id")
                                    + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}")
                    .expect(201);
            save(stateFile, state);
        }
        DemoFeed feed = new DemoFeed(
                api,
                state.getProperty("engine.strategy"),
                Instant.parse(state.getProperty("feed.anchor")),
                () -> api.login(adminEmail, adminPassword));
        String engineSignalId = null;
        try {
            GatewayApi.Answer fed = feed.catchUp();
            engineSignalId = fed == null ? null : signalOf(fed.body(), state.getProperty("engine.strategy"));
        } catch (RuntimeException e) {
            // e.g. other EURUSD M1 bars already stored (demo.properties deleted without --reset): the demo goes on
            System.err.println(
                    "demo feed: the first bars were refused (" + e.getMessage() + "); ./run.sh --reset starts clean");
        }
        started.accept(feed.start());

        EaSimulator simulator = new EaSimulator(
                        new EaClient(gateway, state.getProperty("device.id"), state.getProperty("device.secret")),
                        instrument -> "EURUSD".equals(instrument) ? feed.lastClose() : null)
                .start();
        started.accept(simulator);

        EaClient producer =
                EaClient.producer(gateway, state.getProperty("producer.id"), state.getProperty("producer.secret"));
        EaClient.Reply posted = producer.postSignal("{\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"entry\":\"1.08400\","
                + "\"stopLoss\":\"1.08100\",\"takeProfit\":\"1.09000\",\"expiresAt\":\""
                + Instant.now().plusSeconds(3600)
                + "\",\"rationale\":\"Demo: RSI(14) crossed up from 28.4 near the 61.8% retracement 1.08380 of the "
                + "1.07850-1.09240 swing\"}");
        if (posted.status() != 201) {
            throw new IllegalStateException("demo signal refused: " + posted.status() + " " + posted.body());
        }
        String signalId = GatewayApi.field(posted.body(), "id");
        String approvalId = approvalOf(api, trader, signalId);
        if (approvalId == null) {
            throw new IllegalStateException("the demo signal did not reach the trader's approvals");
        }
        return new Result(
                approvalId, engineSignalId == null ? null : approvalOf(api, trader, engineSignalId), simulator, feed);
    }

    /** The id of the engine strategy's signal in a candles answer (other strategies of the market may have some too). */
    static String signalOf(String candlesAnswer, String strategyId) {
        int at = candlesAnswer.indexOf(
                "\"strategyId\":\"" + strategyId + "\"", Math.max(0, candlesAnswer.indexOf("\"signals\"")));
        return at < 0
                ? null
                : GatewayApi.field(candlesAnswer.substring(candlesAnswer.lastIndexOf("{\"id\":\"", at)), "id");
    }

    /** The trader's pending approval of the signal, once it has arrived (null after 20 s). */
    private static String approvalOf(GatewayApi api, String trader, String signalId) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            GatewayApi.Answer pending =
                    api.get("/api/v1/approvals?status=PENDING", trader).expect(200);
            int at = pending.body().indexOf("\"signalId\":\"" + signalId + "\"");
            if (at >= 0) {
                int start = pending.body().lastIndexOf("{\"id\":\"", at);
                return GatewayApi.field(pending.body().substring(start), "id");
            }
            Ports.sleep(200);
        }
        return null;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static void save(Path file, Properties p) {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "SignalDesk demo ids and secrets (local only; ./run.sh --reset forgets them)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
