package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.signaldesk.localstack.GatewayApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the gateway costs: {@code GET /api/v1/traders/me} (a JWT-authenticated read of one row) at a
 * constant arrival rate (open model), first through the gateway, then straight to approval-service,
 * at each rate of {@code rates} in turn, in one run, so the two are measured on the same box at the
 * same moment. Each arrival is one request by a random one of {@code users} traders registered and
 * logged in through the gateway for this run (real access tokens).
 *
 * <p>Against a running {@code ./run.sh} with raised rate limits (docs/performance.md). Settings
 * (system properties): {@code users} (20), {@code rates} requests/s (500,1000,1500), {@code seconds}
 * per phase (20), {@code warmUpSeconds} (15, each route, before the first rate), {@code gateway}, {@code direct}, {@code admin}, {@code adminPassword}.
 */
public class GatewayOverheadSimulation extends Simulation {
    static final int USERS = Integer.getInteger("users", 20);
    static final List<Integer> RATES = Arrays.stream(
                    System.getProperty("rates", "500,1000,1500").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    static final int SECONDS = Integer.getInteger("seconds", 20);
    static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 15);
    static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
    static final String DIRECT = System.getProperty("direct", "http://127.0.0.1:8082");

    static List<Map<String, Object>> traders() {
        GatewayApi api = new GatewayApi(GATEWAY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> traders = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String email = "overhead-" + run + "-" + i + "@load.test";
            String password = "bench password " + i;
            api.post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                    .expect(201);
            traders.add(Map.of("token", api.login(email, password)));
        }
        try {
            Thread.sleep(3_000); // approval-service creates the traders from UserRegistered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return traders;
    }

    static final List<Map<String, Object>> TRADERS = traders();

    static PopulationBuilder phase(String name, String base, OpenInjectionStep... injection) {
        var read = http(name)
                .get(base + "/api/v1/traders/me")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200));
        return scenario(name).feed(listFeeder(TRADERS).random()).exec(read).injectOpen(injection);
    }

    /** A measured phase: {@code rate} requests/s for {@code seconds}, after a second of quiet. */
    static PopulationBuilder measured(String route, String base, int rate) {
        return phase(
                route + " " + rate + "/s",
                base,
                nothingFor(Duration.ofSeconds(1)),
                constantUsersPerSec(rate).during(Duration.ofSeconds(SECONDS)));
    }

    /**
     * A route ramped up to the first rate for {@code warmUpSeconds} (15), reported under its own name:
     * the JIT of the gateway and of the service compiles the path before anything is measured.
     */
    static PopulationBuilder warmUp(String route, String base, int rate) {
        return phase(
                "warm-up " + route,
                base,
                rampUsersPerSec(rate / 10.0).to(rate).during(Duration.ofSeconds(WARM_UP_SECONDS)));
    }

    final HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();

    {
        // a warm-up of each route, then gateway and direct at each rate in turn.
        // andThen adds children to one parent, so the chain is built from its end, each phase the
        // only child of the one before it.
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(warmUp("gateway", GATEWAY, RATES.get(0)));
        phases.add(warmUp("direct", DIRECT, RATES.get(0)));
        for (int rate : RATES) {
            phases.add(measured("gateway", GATEWAY, rate));
            phases.add(measured("direct", DIRECT, rate));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain)
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(1.0));
    }
}
