package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fleet of MT5 terminals against the gateway, and what it does to everybody else: {@code
 * terminals} devices each post a snapshot when they start, then hold one signed long poll ({@code GET /api/v1/ea/poll?waitMs=20000}, again
 * as soon as it returns) and post a signed snapshot every {@code snapshotEvery} seconds (open model:
 * {@code terminals / snapshotEvery} snapshots/s, each by a random terminal; a share {@code
 * changedShare} of them with a changed equity, the others repeating the terminal's state); 100
 * terminals post a changed snapshot at the same instant once the fleet is up. A trader read ({@code GET
 * /api/v1/traders/me}, open model, {@code readRate}/s) runs for {@code seconds} before the fleet
 * starts and again for {@code seconds} while the whole fleet polls, in one run: the two "trader
 * read" lines of the report are the same read without and with the fleet.
 *
 * <p>Against a running {@code ./run.sh} with raised rate limits (docs/performance.md). The devices
 * are registered straight at approval-service for traders whose access tokens the simulation signs
 * with the local stack's development key; the traders who read are registered through the gateway.
 * Settings: {@code terminals} (2000), {@code snapshotEvery} (10), {@code changedShare} (0.25), {@code
 * readRate} (100), {@code seconds} (30), {@code rampSeconds} (40), {@code gateway}, {@code direct},
 * {@code keys}.
 */
public class TerminalFleetSimulation extends Simulation {
    static final int TERMINALS = Integer.getInteger("terminals", 2000);
    static final int SNAPSHOT_EVERY = Integer.getInteger("snapshotEvery", 10);
    static final int READ_RATE = Integer.getInteger("readRate", 100);
    static final int SECONDS = Integer.getInteger("seconds", 30);
    static final int RAMP = Integer.getInteger("rampSeconds", 40);
    static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
    static final String DIRECT = System.getProperty("direct", "http://127.0.0.1:8082");
    static final String POLL = "/api/v1/ea/poll?waitMs=20000";
    /** The share of snapshots whose content changed (terminals with open positions); the others repeat. */
    static final double CHANGED_SHARE = Double.parseDouble(System.getProperty("changedShare", "0.25"));

    static final List<EaClient> EAS = devices();
    static final List<Map<String, Object>> TERMINAL_FEED = feed();
    static final List<Map<String, Object>> READERS = readers();

    /** {@code terminals} devices, each of its own trader. */
    static List<EaClient> devices() {
        List<EaClient> eas =
                Seeding.devices(DIRECT, GATEWAY, TERMINALS, Seeding.developmentKey(System.getProperty("keys")));
        System.out.printf("registered %d terminals%n", eas.size());
        return eas;
    }

    static List<Map<String, Object>> feed() {
        List<Map<String, Object>> l = new ArrayList<>();
        for (int i = 0; i < EAS.size(); i++) {
            l.add(Map.of("terminal", i));
        }
        return l;
    }

    static List<Map<String, Object>> readers() {
        GatewayApi api = new GatewayApi(GATEWAY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String email = "fleet-reader-" + run + "-" + i + "@load.test";
            api.post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"bench password\"}")
                    .expect(201);
            l.add(Map.of("token", api.login(email, "bench password")));
        }
        return l;
    }

    static ChainBuilder signed(String name, String method, String path, String body, int expected) {
        return Signed.request(
                GATEWAY, name, "X-Device-Id", method, path, expected, s -> EAS.get(s.getInt("terminal")), s -> body);
    }

    static ChainBuilder read(String name) {
        return exec(http(name)
                .get(GATEWAY + "/api/v1/traders/me")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200)));
    }

    // every virtual user its own connection, as on real terminals and browsers (a pool shared by all
    // users would hand the readers the connections that long polls hold, and time Gatling's queue)
    final HttpProtocolBuilder protocol = http.acceptHeader("application/json");

    {
        int fleetStart = SECONDS + 2;
        int held = fleetStart + RAMP; // the whole fleet is polling from here
        var fleet = scenario("terminal poll loop")
                .feed(listFeeder(TERMINAL_FEED).circular())
                // an EA posts its account's state when it starts, then polls
                .exec(signed("ea snapshot (on start)", "POST", "/api/v1/ea/snapshot", Signed.SNAPSHOT, 202))
                .during(Duration.ofSeconds(RAMP + SECONDS + 10))
                .on(signed("ea poll (long)", "GET", POLL, "", 200));
        var snapshots = scenario("terminal snapshots")
                .feed(listFeeder(TERMINAL_FEED).random())
                .exec(Signed.request(
                        GATEWAY,
                        "ea snapshot",
                        "X-Device-Id",
                        "POST",
                        "/api/v1/ea/snapshot",
                        202,
                        s -> EAS.get(s.getInt("terminal")),
                        s -> Signed.snapshot(CHANGED_SHARE)));
        var burst = scenario("100 terminals at once")
                .feed(listFeeder(TERMINAL_FEED).random())
                .exec(signed("ea snapshot, 100 at once", "POST", "/api/v1/ea/snapshot", Signed.snapshot(1), 202));
        var quietReads = scenario("trader read, no terminals")
                .feed(listFeeder(READERS).random())
                .exec(read("trader read, no terminals"));
        var fleetReads = scenario("trader read, " + TERMINALS + " terminals polling")
                .feed(listFeeder(READERS).random())
                .exec(read("trader read, " + TERMINALS + " terminals polling"));
        setUp(
                        quietReads
                                .injectOpen(constantUsersPerSec(READ_RATE).during(Duration.ofSeconds(SECONDS)))
                                .protocols(protocol),
                        fleet.injectOpen(
                                        nothingFor(Duration.ofSeconds(fleetStart)),
                                        rampUsers(TERMINALS).during(Duration.ofSeconds(RAMP)))
                                .protocols(protocol),
                        snapshots
                                .injectOpen(
                                        nothingFor(Duration.ofSeconds(held)),
                                        constantUsersPerSec((double) TERMINALS / SNAPSHOT_EVERY)
                                                .during(Duration.ofSeconds(SECONDS)))
                                .protocols(protocol),
                        burst.injectOpen(nothingFor(Duration.ofSeconds(held + SECONDS / 2)), atOnceUsers(100))
                                .protocols(protocol),
                        fleetReads
                                .injectOpen(
                                        nothingFor(Duration.ofSeconds(held)),
                                        constantUsersPerSec(READ_RATE).during(Duration.ofSeconds(SECONDS)))
                                .protocols(protocol))
                .assertions(global().failedRequests().count().is(0L));
    }
}
