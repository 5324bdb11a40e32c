package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one request of each kind costs: {@code kind} ({@code poll}: a signed EA poll that finds
 * nothing and does not wait, {@code snapshot}: a signed EA snapshot repeating the terminal's last one,
 * {@code snapshot-changed}: one whose equity changed, {@code read}: a trader's {@code
 * GET /api/v1/traders/me}) through the gateway at {@code rate}/s (open model) for {@code seconds},
 * after {@code warmUpSeconds} at the same rate that the report leaves out of nothing (the warm-up is
 * its own request name). Each process's CPU seconds over the measured window divided by the requests
 * sent is that process's cost of one request (docs/performance.md, "What a request costs"; the
 * numbers come from {@code /proc/<pid>/stat} read around the window, not from Gatling).
 *
 * <p>Settings: {@code kind} (poll), {@code rate} (100), {@code seconds} (30), {@code warmUpSeconds}
 * (15), {@code terminals} (200: the devices the signed requests come from, at random), {@code
 * gateway}, {@code direct}, {@code keys}.
 */
public class RequestCostSimulation extends Simulation {
    static final String KIND = System.getProperty("kind", "poll");
    static final int RATE = Integer.getInteger("rate", 100);
    static final int SECONDS = Integer.getInteger("seconds", 30);
    static final int WARM_UP = Integer.getInteger("warmUpSeconds", 15);
    static final int TERMINALS = Integer.getInteger("terminals", 200);
    static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
    static final String DIRECT = System.getProperty("direct", "http://127.0.0.1:8082");

    static final List<EaClient> EAS = "read".equals(KIND)
            ? List.of()
            : Seeding.devices(DIRECT, GATEWAY, TERMINALS, Seeding.developmentKey(System.getProperty("keys")));
    static final List<Map<String, Object>> FEED = feed();

    static List<Map<String, Object>> feed() {
        List<Map<String, Object>> l = new ArrayList<>();
        if ("read".equals(KIND)) {
            GatewayApi api = new GatewayApi(GATEWAY);
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 10; i++) {
                String email = "cost-reader-" + run + "-" + i + "@load.test";
                api.post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"bench password\"}")
                        .expect(201);
                l.add(Map.of("token", api.login(email, "bench password")));
            }
        } else {
            for (int i = 0; i < EAS.size(); i++) {
                l.add(Map.of("terminal", i));
            }
        }
        return l;
    }

    static ChainBuilder request(String name) {
        return switch (KIND) {
            case "poll" ->
                Signed.request(
                        GATEWAY,
                        name,
                        "X-Device-Id",
                        "GET",
                        "/api/v1/ea/poll",
                        200,
                        s -> EAS.get(s.getInt("terminal")),
                        s -> "");
            case "snapshot", "snapshot-changed" ->
                Signed.request(
                        GATEWAY,
                        name,
                        "X-Device-Id",
                        "POST",
                        "/api/v1/ea/snapshot",
                        202,
                        s -> EAS.get(s.getInt("terminal")),
                        s -> Signed.snapshot("snapshot".equals(KIND) ? 0 : 1));
            case "read" ->
                exec(http(name)
                        .get(GATEWAY + "/api/v1/traders/me")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200)));
            default ->
                throw new IllegalArgumentException("kind: poll, snapshot, snapshot-changed or read, not " + KIND);
        };
    }

    {
        System.out.printf("request cost: %s at %d/s, measured from %d s for %d s%n", KIND, RATE, WARM_UP, SECONDS);
        var warm = scenario("warm-up").feed(listFeeder(FEED).random()).exec(request(KIND + " (warm-up)"));
        var measured = scenario("measured").feed(listFeeder(FEED).random()).exec(request(KIND));
        setUp(
                        warm.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(WARM_UP))),
                        measured.injectOpen(
                                nothingFor(Duration.ofSeconds(WARM_UP)),
                                constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS))))
                .protocols(http.acceptHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }
}
