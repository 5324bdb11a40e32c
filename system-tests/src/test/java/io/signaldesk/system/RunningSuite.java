package io.signaldesk.system;

import io.signaldesk.localstack.FakeStripe;
import io.signaldesk.localstack.ServiceProcess;
import io.signaldesk.localstack.Suite;
import io.signaldesk.localstack.TestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The six packaged services started once for this JVM against the test servers, on free ports,
 * with their own database, topic prefix and Redis key prefix (so a demo stack running on the same
 * machine is never touched).
 */
final class RunningSuite {
    private static Suite suite;
    static Map<String, Integer> ports;
    static Map<String, String> settings;
    static Path root;
    static String database;
    /** The Stripe payout-service talks to: a fake in this JVM, so tests count what it was sent. */
    static FakeStripe stripe;

    static final String STRIPE_WEBHOOK_SECRET = "whsec_test_signaldesk_system";

    private RunningSuite() {}

    static synchronized Suite get() {
        if (suite == null) {
            TestInfra infra = TestInfra.get();
            String suffix = TestInfra.uniqueSuffix();
            database = "sdtest_system_" + suffix;
            infra.postgres.createDatabase(database, true);
            root = ServiceProcess.projectRoot();
            ports = Suite.freePorts();
            settings = Suite.infraSettings(
                    infra.postgres,
                    database,
                    infra.redis,
                    infra.kafka,
                    infra.keys,
                    "t" + suffix + ".",
                    "t" + suffix + ":");
            Map<String, String> gateway = new HashMap<>(Suite.gatewayRoutes(ports));
            gateway.put("gateway.admin.email", "admin@system.test");
            gateway.put("gateway.admin.password", "admin-password-system");
            gateway.put("gateway.rate-limit.auth-per-ip-per-minute", "1000");
            stripe = FakeStripe.start();
            Map<String, String> payout = new HashMap<>();
            payout.put("payout.stripe.api-base", stripe.baseUrl());
            payout.put("payout.stripe.secret-key", "sk_test_signaldesk_system");
            payout.put("payout.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
            payout.put("payout.run.scheduled", "false"); // the tests start runs themselves
            payout.put("payout.run.backoff-initial", "1s");
            payout.put("payout.run.lease", "10s");
            // MoneyFlowIT pays out one commission of a few dollars
            payout.put("payout.run.threshold.USD", "5.00");
            // the hold elapses within a test (30 days in production; the rules are the same)
            Map<String, String> affiliate = Map.of("affiliate.hold", "6s", "affiliate.release-sweep", "1s");
            Map<String, String> common = new HashMap<>(settings);
            common.put("signaldesk.outbox.safety-poll", "2s");
            suite = Suite.start(
                    root,
                    new Suite.Plan(
                            ports,
                            Suite.freePorts(),
                            common,
                            Map.of(
                                    "gateway",
                                    gateway,
                                    "payout-service",
                                    payout,
                                    "affiliate-service",
                                    affiliate,
                                    // traders here register several devices and follow several strategies;
                                    // the FREE tier's limits (1 and 1) are pinned by approval-service's
                                    // EntitlementsTest
                                    "approval-service",
                                    Map.of("approval.free.max-devices", "5", "approval.free.max-subscriptions", "10")),
                            root.resolve("system-tests/target/service-logs"),
                            "192m"),
                    Duration.ofMinutes(4));
            infra.beforeStop(() -> {
                suite.close();
                stripe.close();
                infra.postgres.dropDatabase(database);
            });
        }
        return suite;
    }

    static String gateway() {
        get();
        return "http://127.0.0.1:" + ports.get("gateway");
    }
}
