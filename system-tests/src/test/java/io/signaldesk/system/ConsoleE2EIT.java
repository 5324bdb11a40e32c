package io.signaldesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.localstack.DemoFeed;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.EaSimulator;
import io.signaldesk.localstack.GatewayApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web console end to end, in real headless Chromium (Debian's, driven by playwright-core from
 * {@code web/e2e/run.mjs}) against the packaged suite the gateway serves it from: a trader signs in,
 * sees a signal this test publishes arrive live, approves it and sees the simulated terminal fill it;
 * registers a device and sees its secret once; an admin creates a producer. Screenshots land in
 * {@code web/target/screenshots}.
 */
class ConsoleE2EIT {
    static final String ADMIN_EMAIL = "admin@system.test";
    static final String ADMIN_PASSWORD = "admin-password-system";

    @Test
    void traderApprovesALiveSignalInTheBrowserAndSeesItFilled() throws Exception {
        Path web = io.signaldesk.localstack.ServiceProcess.projectRoot().resolve("web");
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium))
                .as("Debian's chromium is needed for the console's e2e tests (./test.sh installs it)")
                .exists();
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("the web module's npm ci installs playwright-core (build without -Dweb.skip)")
                .exists();
        String gw = RunningSuite.gateway();
        GatewayApi api = new GatewayApi(gw);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);

        // the trader's outside-producer strategy, followed with a fixed 0.10 lots
        String externalName = "Console e2e " + run;
        String strategy = api.post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"" + externalName + "\",\"kind\":\"EXTERNAL\",\"instrument\":\"EURUSD\","
                                + "\"timeframe\":\"H1\",\"params\":{}}")
                .expect(201)
                .field("id");
        GatewayApi.Answer producer = api.post(
                        "/api/v1/producers",
                        admin,
                        "{\"name\":\"console-" + run + "\",\"strategyId\":\"" + strategy + "\"}")
                .expect(201);
        String email = "console-" + run + "@system.test";
        String password = "console trader password";
        api.post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .expect(201);
        String trader = api.login(email, password);
        GatewayApi.Answer device = api.post(
                        "/api/v1/devices",
                        trader,
                        "{\"name\":\"Simulated MT5\",\"brokerAccount\":\"C" + run + "\",\"brokerServer\":\"Demo-1\"}")
                .expect(201);
        api.subscribe(
                        trader,
                        "{\"strategyId\":\"" + strategy + "\",\"deviceId\":\"" + device.field("id")
                                + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}")
                .expect(201);

        // a Fib-RSI strategy on its own market with bars and an engine signal, for the chart page
        String instrument = "C" + run.toUpperCase().replaceAll("[^A-Z0-9]", "0");
        String engine = api.post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"Console chart " + run + "\",\"kind\":\"FIB_RSI\",\"instrument\":\"" + instrument
                                + "\",\"timeframe\":\"M1\",\"params\":{\"expiryBars\":30}}")
                .expect(201)
                .field("id");
        Instant anchor = DemoFeed.anchorForSignalNow();
        StringBuilder bars = new StringBuilder("{\"candles\":[");
        for (int k = 0; k <= DemoFeed.SIGNAL_BAR; k++) {
            bars.append(k == 0 ? "" : ",").append(DemoFeed.bar(anchor, k));
        }
        assertThat(api.post(
                                "/api/v1/strategies/" + engine + "/candles",
                                admin,
                                bars.append("]}").toString())
                        .expect(200)
                        .body())
                .contains("\"signals\":[{");

        EaClient producerClient = EaClient.producer(gw, producer.field("id"), producer.field("secret"));
        Path shots = web.resolve("target/screenshots");
        try (EaSimulator terminal = new EaSimulator(
                        new EaClient(gw, device.field("id"), device.field("secret")),
                        i -> "EURUSD".equals(i) ? new BigDecimal("1.08412") : null)
                .start()) {
            ProcessBuilder pb = new ProcessBuilder("npm", "run", "--silent", "e2e")
                    .directory(web.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("BASE_URL", gw);
            pb.environment().put("TRADER_EMAIL", email);
            pb.environment().put("TRADER_PASSWORD", password);
            pb.environment().put("ADMIN_EMAIL", ADMIN_EMAIL);
            pb.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            pb.environment().put("ENGINE_STRATEGY_ID", engine);
            pb.environment().put("EXTERNAL_STRATEGY_NAME", externalName);
            pb.environment().put("CHROMIUM", chromium);
            pb.environment().put("SCREENSHOTS", shots.toString());
            Process p = pb.start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[e2e] " + line);
                    output.add(line);
                    if (line.equals("E2E:PUBLISH")) {
                        // the browser is on the queue: publish a signal now, it must appear without a reload
                        EaClient.Reply posted = producerClient.postSignal(
                                "{\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"entry\":\"1.08400\","
                                        + "\"stopLoss\":\"1.08100\",\"takeProfit\":\"1.09000\",\"expiresAt\":\""
                                        + Instant.now().plusSeconds(1800)
                                        + "\",\"rationale\":\"Console e2e: RSI(14) crossed up from 28.4 near the"
                                        + " 61.8% retracement\"}");
                        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
                        in.write("E2E:PUBLISHED " + GatewayApi.field(posted.body(), "id") + "\n");
                        in.flush();
                    }
                }
            }
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("e2e finished").isTrue();
            assertThat(output).as("e2e output").noneMatch(l -> l.startsWith("E2E:FAIL"));
            assertThat(p.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(terminal.filled()).isGreaterThanOrEqualTo(1);
        }
        assertThat(Files.exists(shots.resolve("02-approval-queue.png"))).isTrue();
        assertThat(Files.exists(shots.resolve("05-strategy-chart.png"))).isTrue();
    }
}
