package io.signaldesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: real Postgres, Redis and Kafka on loopback (reused when already running), all
 * six services, a demo seed; stops everything on Ctrl-C. Data lives in {@code .local/data} and is
 * reused by the next run; {@code --reset} wipes it.
 */
public final class StackMain {
    public static final String ADMIN_EMAIL = "admin@signaldesk.local";
    public static final String ADMIN_PASSWORD = "demo-admin-password";
    public static final String TRADER_EMAIL = "trader@signaldesk.local";
    public static final String TRADER_PASSWORD = "demo-trader-password";
    /** The demo's local Stripe (stripe-mock's customary port); its keys are test keys of this fake only. */
    public static final int STRIPE_PORT = 12111;

    public static final String STRIPE_SECRET_KEY = "sk_test_signaldesk_local_demo";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_signaldesk_local_demo";

    private StackMain() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("ERROR: " + e.getMessage());
            for (AutoCloseable c : STARTED) { // a stack: last started, first closed
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort on the way out
                }
            }
            System.exit(1);
        }
    }

    private static final java.util.Deque<AutoCloseable> STARTED = new java.util.ArrayDeque<>();

    private static void run(String[] args) throws Exception {
        boolean reset = List.of(args).contains("--reset");
        Path root = ServiceProcess.projectRoot();
        Path local = root.resolve(".local");
        Path logs = local.resolve("logs");
        say("SignalDesk local stack (data in " + local.resolve("data") + (reset ? ", reset" : "") + ", logs in " + logs
                + ")");

        long t0 = System.currentTimeMillis();
        LocalPostgres pg = LocalPostgres.ensure(5432, local.resolve("data/postgres"), reset);
        STARTED.push(pg);
        if (!pg.startedHere() && reset) {
            say(
                    "note: reusing a Postgres that was already running on 5432; --reset drops the signaldesk database instead");
        }
        pg.createDatabase("signaldesk", reset);
        say("postgres   127.0.0.1:5432 " + (pg.startedHere() ? "started" : "reused"));
        LocalRedis redis = LocalRedis.ensure(6379, local.resolve("data/redis"));
        STARTED.push(redis);
        say("redis      127.0.0.1:6379 " + (redis.startedHere() ? "started" : "reused"));
        LocalKafka kafka = LocalKafka.ensure(9092, 9093, local.resolve("data/kafka"), reset);
        STARTED.push(kafka);
        say("kafka      127.0.0.1:9092 " + (kafka.ownedHere() ? "started (KRaft, in-process)" : "reused"));
        DevKeys keys = DevKeys.ensure(local.resolve("keys"));

        // No real money here: billing and payouts talk to a local Stripe that speaks its wire format.
        FakeStripe stripe = FakeStripe.start(STRIPE_PORT);
        STARTED.push(stripe);
        say("stripe     127.0.0.1:" + STRIPE_PORT + " a local fake (no real money)");

        Map<String, Integer> ports = Suite.standardPorts();
        Map<String, String> common = Suite.infraSettings(pg, "signaldesk", redis, kafka, keys, "", "sd:");
        Map<String, String> gateway = new HashMap<>(Suite.gatewayRoutes(ports));
        gateway.put("gateway.admin.email", ADMIN_EMAIL);
        gateway.put("gateway.admin.password", ADMIN_PASSWORD);
        // the console's refresh cookie over plain http://127.0.0.1 (production keeps it Secure)
        gateway.put("gateway.cookie-secure", "false");
        Map<String, String> payout = Map.of(
                "payout.stripe.api-base", stripe.baseUrl(),
                "payout.stripe.secret-key", STRIPE_SECRET_KEY,
                "payout.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
        Suite suite = Suite.start(
                root,
                new Suite.Plan(
                        ports,
                        Suite.standardManagementPorts(),
                        common,
                        Map.of(
                                "gateway",
                                gateway,
                                "payout-service",
                                payout,
                                // the demo trader follows both demo strategies on FREE (1 by default)
                                "approval-service",
                                Map.of("approval.free.max-subscriptions", "2")),
                        logs,
                        "256m"),
                Duration.ofMinutes(3));
        STARTED.push(suite);
        // like a Deployment: a service that dies (a crash, kill -9 in the fault drill) is started again
        suite.superviseRestarts(StackMain::say);

        CountDownLatch stopped = new CountDownLatch(1);
        List<AutoCloseable> demoParts = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            say("stopping services...");
                            for (AutoCloseable c :
                                    demoParts) { // the feed and the simulated terminal first: they call the services
                                try {
                                    c.close();
                                } catch (Exception ignored) {
                                    // best effort on the way out
                                }
                            }
                            suite.close();
                            stripe.close();
                            kafka.close();
                            redis.close();
                            pg.close();
                            say("stopped.");
                            stopped.countDown();
                        },
                        "stack-shutdown"));

        if (reset) {
            Files.deleteIfExists(local.resolve("demo.properties"));
        }
        DemoSeed.Result demo = DemoSeed.run(
                "http://127.0.0.1:" + ports.get("gateway"),
                local.resolve("demo.properties"),
                ADMIN_EMAIL,
                ADMIN_PASSWORD,
                TRADER_EMAIL,
                TRADER_PASSWORD,
                demoParts::add);
        STARTED.push(demo.simulator());
        STARTED.push(demo.feed());
        long secs = (System.currentTimeMillis() - t0) / 1000;
        say("");
        say("All six services are ready (" + secs + " s):");
        suite.services()
                .forEach(s -> say(String.format(
                        "  %-23s %s   management %s   (log: %s)",
                        s.name(), s.url(), s.managementUrl(), root.relativize(s.log()))));
        say("");
        say("Gateway: http://127.0.0.1:" + ports.get("gateway")
                + "   Health, metrics and OpenAPI of each service: <management url>/q/health, /q/metrics, /q/openapi");
        say("Console: http://127.0.0.1:" + ports.get("gateway")
                + "/   (sign in as the demo trader and approve the demo signal)");
        say("Demo accounts:");
        say("  admin   " + ADMIN_EMAIL + " / " + ADMIN_PASSWORD);
        say("  trader  " + TRADER_EMAIL + " / " + TRADER_PASSWORD);
        say("");
        say("A producer signal is waiting for the demo trader's approval; the simulated MT5 terminal will fill it:");
        say("  TOKEN=$(curl -s -X POST http://127.0.0.1:8080/api/v1/auth/login -H 'Content-Type: application/json' \\");
        say("    -d '{\"email\":\"" + TRADER_EMAIL + "\",\"password\":\"" + TRADER_PASSWORD
                + "\"}' | sed 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/')");
        say("  curl -s http://127.0.0.1:8080/api/v1/approvals?status=PENDING -H \"Authorization: Bearer $TOKEN\"");
        say("  curl -s -X POST http://127.0.0.1:8080/api/v1/approvals/" + demo.approvalId()
                + "/approve -H \"Authorization: Bearer $TOKEN\" \\");
        say("    -H 'Content-Type: application/json' -d '{}'");
        say("  curl -s http://127.0.0.1:8080/api/v1/approvals/" + demo.approvalId()
                + " -H \"Authorization: Bearer $TOKEN\"   # execution: FILLED");
        if (demo.engineApprovalId() != null) {
            say("The Fib-RSI engine also decided a signal on the simulated EURUSD M1 feed (approve it the same way):");
            say("  curl -s -X POST http://127.0.0.1:8080/api/v1/approvals/" + demo.engineApprovalId()
                    + "/approve -H \"Authorization: Bearer $TOKEN\" \\");
            say("    -H 'Content-Type: application/json' -d '{}'");
        }
        say("Billing and payouts use a local fake Stripe on 127.0.0.1:" + STRIPE_PORT + " (webhook secret "
                + STRIPE_WEBHOOK_SECRET + "; docs/local-development.md shows a signed webhook).");
        say("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    static void say(String s) {
        System.out.println(s);
    }
}
