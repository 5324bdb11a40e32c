package io.signaldesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.localstack.Suite;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's route table (gateway/src/main/resources/application.properties) against what the
 * six running services publish in their OpenAPI (on their management ports) and what they answer:
 * every operation is routed to its own service and no prefix is advertised for paths nobody
 * serves; an operation without a JWT requirement is exactly a listed public route; every public
 * route exists and refuses an unsigned request itself (the service's 401 or 404, never a 2xx); a
 * path beside a public route needs a JWT at the gateway.
 */
class GatewayRouteTableIT {
    static final Map<String, String> SERVICES = Map.of(
            "signal",
            "signal-service",
            "approval",
            "approval-service",
            "reconciliation",
            "reconciliation-service",
            "affiliate",
            "affiliate-service",
            "payout",
            "payout-service");
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One operation a service publishes: {@code jwt} when its OpenAPI names a security requirement. */
    record Operation(String service, String method, String path, boolean jwt) {
        String spec() {
            return method + " " + path;
        }
    }

    record Route(String name, List<String> prefixes, List<String> publicRoutes) {
        boolean owns(String path) {
            return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        }
    }

    static Map<String, Route> routes;
    static List<Operation> operations;

    @BeforeAll
    static void read() throws Exception {
        Suite suite = RunningSuite.get();
        routes = routeTable();
        operations = new ArrayList<>();
        for (Map.Entry<String, String> s : SERVICES.entrySet()) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(suite.service(s.getValue()).managementUrl() + "/q/openapi?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("OpenAPI of %s", s.getValue()).isEqualTo(200);
            JsonObject paths = new JsonObject(r.body()).getJsonObject("paths", new JsonObject());
            for (String path : paths.fieldNames()) {
                JsonObject item = paths.getJsonObject(path);
                for (String m : item.fieldNames()) {
                    if (METHODS.contains(m)) {
                        JsonObject op = item.getJsonObject(m);
                        boolean jwt = op.getJsonArray("security") != null
                                && !op.getJsonArray("security").isEmpty();
                        operations.add(new Operation(s.getKey(), m.toUpperCase(), path, jwt));
                    }
                }
            }
        }
        assertThat(operations).as("operations the services publish").hasSizeGreaterThan(20);
    }

    /** The table as the gateway reads it (its default profile; the suite overrides only the URLs). */
    static Map<String, Route> routeTable() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(
                RunningSuite.root.resolve("gateway/src/main/resources/application.properties"))) {
            p.load(in);
        }
        Map<String, Route> table = new LinkedHashMap<>();
        for (String name : SERVICES.keySet()) {
            table.put(
                    name,
                    new Route(
                            name,
                            list(p.getProperty("gateway.routes." + name + ".prefixes")),
                            list(p.getProperty("gateway.routes." + name + ".public-routes"))));
        }
        return table;
    }

    static List<String> list(String csv) {
        return csv == null || csv.isBlank()
                ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    @Test
    void everyOperationIsRoutedToItsOwnServiceAndEveryPrefixServesSomething() {
        for (Operation op : operations) {
            assertThat(routes.get(op.service()).owns(op.path()))
                    .as(
                            "%s of %s is under one of its route's prefixes %s",
                            op.spec(), op.service(), routes.get(op.service()).prefixes())
                    .isTrue();
            routes.values().stream()
                    .filter(r -> !r.name().equals(op.service()))
                    .forEach(other -> assertThat(other.owns(op.path()))
                            .as("%s of %s is not claimed by %s", op.spec(), op.service(), other.name())
                            .isFalse());
        }
        for (Route r : routes.values()) {
            for (String prefix : r.prefixes()) {
                assertThat(operations)
                        .as("an operation of %s under the advertised prefix %s", r.name(), prefix)
                        .anyMatch(op -> op.service().equals(r.name())
                                && (op.path().equals(prefix) || op.path().startsWith(prefix + "/")));
            }
        }
    }

    @Test
    void anOperationWithoutAJwtRequirementIsExactlyAListedPublicRoute() {
        for (Route r : routes.values()) {
            List<String> unauthenticated = operations.stream()
                    .filter(op -> op.service().equals(r.name()) && !op.jwt())
                    .map(Operation::spec)
                    .sorted()
                    .toList();
            assertThat(r.publicRoutes())
                    .as("public routes of %s: the operations its OpenAPI names no JWT for", r.name())
                    .containsExactlyInAnyOrderElementsOf(unauthenticated);
        }
    }

    /**
     * What a public route answers an unsigned request where it is not 401/404: Stripe's convention for
     * a webhook without a valid {@code Stripe-Signature} is 400; a referral link is meant for anyone's
     * browser, and an unknown code is a redirect to the signup page without a cookie.
     */
    static final Map<String, List<Integer>> UNSIGNED_ANSWERS =
            Map.of("POST /api/v1/billing/webhook", List.of(400), "GET /r/{code}", List.of(302));

    @Test
    void everyPublicRouteRefusesAnUnsignedRequestItselfAndItsNeighboursNeedAJwt() throws Exception {
        String gateway = RunningSuite.gateway();
        int checked = 0;
        for (Route r : routes.values()) {
            for (String spec : r.publicRoutes()) {
                String[] parts = spec.split(" ");
                String path = parts[1].replaceAll(
                        "\\{[^}]+}", "x" + UUID.randomUUID().toString().replace("-", ""));
                HttpResponse<String> res = send(parts[0], gateway + path);
                assertThat(res.statusCode())
                        .as("%s unsigned, through the gateway: refused by %s itself", spec, r.name())
                        .isIn(UNSIGNED_ANSWERS.getOrDefault(spec, List.of(401, 404)));
                assertThat(res.body())
                        .as("%s: not the gateway's bearer-token refusal", spec)
                        .doesNotContain("bearer token");
                HttpResponse<String> beside = send(parts[0], gateway + path + "/beside");
                assertThat(beside.statusCode())
                        .as("%s/beside needs a JWT", spec)
                        .isEqualTo(401);
                assertThat(beside.body()).contains("bearer token");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
        HttpResponse<String> otherEa = send("GET", gateway + "/api/v1/ea/commands");
        assertThat(otherEa.statusCode())
                .as("no longer public by the /api/v1/ea/ prefix alone")
                .isEqualTo(401);
        assertThat(otherEa.body()).contains("bearer token");
    }

    static HttpResponse<String> send(String method, String url) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, body)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
