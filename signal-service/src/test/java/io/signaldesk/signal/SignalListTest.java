package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.signal.TestSupport.buy;
import static io.signaldesk.signal.TestSupport.postSigned;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.producer;
import static io.signaldesk.signal.TestSupport.signal;
import static io.signaldesk.signal.TestSupport.strategy;
import static io.signaldesk.signal.TestSupport.trader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class SignalListTest {

    @Test
    void filtersPagesAndOrdersNewestFirst() throws Exception {
        String strategyId = strategy("GBPUSD");
        JsonObject p = producer(strategyId);
        String id = p.getString("id");
        String secret = p.getString("secret");
        String first = postSigned(id, secret, buy("GBPUSD").encode())
                .statusCode(201)
                .extract()
                .path("id");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        String second = postSigned(
                        id,
                        secret,
                        signal("GBPUSD", "SELL", "1.27", "1.28", "1.25").encode())
                .statusCode(201)
                .extract()
                .path("id");
        String third = postSigned(id, secret, buy("GBPUSD").encode())
                .statusCode(201)
                .extract()
                .path("id");
        // noise on another strategy
        JsonObject other = producer(strategy("GBPUSD"));
        postSigned(
                        other.getString("id"),
                        other.getString("secret"),
                        buy("GBPUSD").encode())
                .statusCode(201);

        String token = trader();
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.id", contains(third, second, first));
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .queryParam("size", 2)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(third, second));
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("items.id", contains(first));
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .queryParam("side", "SELL")
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(second));
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .queryParam("from", between.toString())
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items.id", contains(third, second));
        given().auth()
                .oauth2(token)
                .queryParam("strategyId", strategyId)
                .queryParam("to", between.toString())
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items.id", contains(first));
        List<String> gbp = given().auth()
                .oauth2(token)
                .queryParam("instrument", "GBPUSD")
                .queryParam("size", 100)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items.instrument", everyItem(equalTo("GBPUSD")))
                .extract()
                .path("items.id");
        assertThat(gbp).contains(first, second, third).hasSizeGreaterThanOrEqualTo(4);
        given().auth()
                .oauth2(token)
                .queryParam("instrument", "NZDJPY")
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", hasSize(0));
    }

    @Test
    void badParametersAre400ProblemsAndATokenIsRequired() {
        String token = trader();
        problem(
                        given().auth()
                                .oauth2(token)
                                .queryParam("size", 1000)
                                .get("/api/v1/signals")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", contains("size"));
        problem(
                        given().auth()
                                .oauth2(token)
                                .queryParam("size", 0)
                                .queryParam("page", -1)
                                .queryParam("side", "LONG")
                                .queryParam("strategyId", "nope")
                                .queryParam("from", "yesterday")
                                .queryParam("instrument", "eur")
                                .get("/api/v1/signals")
                                .then(),
                        400,
                        "validation")
                .body(
                        "violations.field",
                        containsInAnyOrder("from", "instrument", "page", "side", "size", "strategyId"));
        problem(
                        given().auth()
                                .oauth2(token)
                                .queryParam("from", "2026-11-24T00:00:00Z")
                                .queryParam("to", "2026-11-23T00:00:00Z")
                                .get("/api/v1/signals")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", contains("to"));
        problem(given().get("/api/v1/signals").then(), 401, "unauthorized");
    }
}
