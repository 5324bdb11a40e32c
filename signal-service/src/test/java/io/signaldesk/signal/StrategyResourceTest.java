package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.signal.TestSupport.admin;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.trader;
import static io.signaldesk.signal.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class StrategyResourceTest {

    static JsonObject body(String name) {
        return new JsonObject()
                .put("name", name)
                .put("kind", "FIB_RSI")
                .put("instrument", "XAUUSD")
                .put("timeframe", "M15")
                .put(
                        "params",
                        new JsonObject()
                                .put("rsiPeriod", 14)
                                .put(
                                        "fibLevels",
                                        new io.vertx.core.json.JsonArray()
                                                .add(0.382)
                                                .add(0.618)));
    }

    @Test
    void anAdminCreatesAStrategyAndAnyoneSignedInReadsIt() {
        String name = unique("Gold Fib");
        String id = given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body(name).encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/strategies/"))
                .body("name", equalTo(name))
                .body("kind", equalTo("FIB_RSI"))
                .body("instrument", equalTo("XAUUSD"))
                .body("timeframe", equalTo("M15"))
                .body("params.rsiPeriod", equalTo(14))
                .extract()
                .path("id");

        given().auth()
                .oauth2(trader())
                .get("/api/v1/strategies/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("params.fibLevels[1]", equalTo(0.618f));
        given().auth()
                .oauth2(trader())
                .get("/api/v1/strategies")
                .then()
                .statusCode(200)
                .body("name", hasItem(name));
    }

    @Test
    void aNonAdminCannotCreateAndNothingIsStored() throws Exception {
        String name = unique("Trader made");
        problem(
                given().auth()
                        .oauth2(trader())
                        .contentType(ContentType.JSON)
                        .body(body(name).encode())
                        .post("/api/v1/strategies")
                        .then(),
                403,
                "forbidden");
        problem(
                given().contentType(ContentType.JSON)
                        .body(body(name).encode())
                        .post("/api/v1/strategies")
                        .then(),
                401,
                "unauthorized");
        assertThat(count("SELECT count(*) FROM signal.strategies WHERE name = '" + name + "'"))
                .isZero();
    }

    @Test
    void aDuplicateNameIsAConflictRegardlessOfCase() throws Exception {
        String name = unique("Dup");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body(name).encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201);
        problem(
                given().auth()
                        .oauth2(admin())
                        .contentType(ContentType.JSON)
                        .body(body(name.toUpperCase()).encode())
                        .post("/api/v1/strategies")
                        .then(),
                409,
                "strategy-name-taken");
        assertThat(count("SELECT count(*) FROM signal.strategies WHERE lower(name) = lower('" + name + "')"))
                .isEqualTo(1);
    }

    @Test
    void invalidFieldsAre400WithEveryViolation() throws Exception {
        long before = count("SELECT count(*) FROM signal.strategies");
        JsonObject bad = new JsonObject()
                .put("name", "ab")
                .put("kind", "MAGIC")
                .put("instrument", "eur/usd")
                .put("timeframe", "H2")
                .put("params", "not an object");
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(bad.encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", containsInAnyOrder("instrument", "kind", "name", "params", "timeframe"));

        JsonObject bigParams = body(unique("Big"))
                .put("kind", "EXTERNAL")
                .put("params", new JsonObject().put("blob", "x".repeat(5000)));
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(bigParams.encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", containsInAnyOrder("params"));

        problem(
                given().auth()
                        .oauth2(admin())
                        .contentType(ContentType.JSON)
                        .body("{\"name\":")
                        .post("/api/v1/strategies")
                        .then(),
                400,
                "malformed-body");
        problem(
                given().auth()
                        .oauth2(admin())
                        .contentType(ContentType.JSON)
                        .body(body(unique("Extra")).put("colour", "red").encode())
                        .post("/api/v1/strategies")
                        .then(),
                400,
                "malformed-body");
        assertThat(count("SELECT count(*) FROM signal.strategies")).isEqualTo(before);
    }

    /** A FIB_RSI strategy without a timeframe was a 500 (a null map key while checking its params). */
    @Test
    void aFibRsiStrategyWithoutTimeframeIs400NotA500() throws Exception {
        long before = count("SELECT count(*) FROM signal.strategies");
        JsonObject noTimeframe = body(unique("NoTf"));
        noTimeframe.remove("timeframe");
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(noTimeframe.encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", containsInAnyOrder("timeframe"));
        assertThat(count("SELECT count(*) FROM signal.strategies")).isEqualTo(before);
    }

    @Test
    void anUnknownStrategyIs404Problem() {
        problem(
                given().auth()
                        .oauth2(trader())
                        .get("/api/v1/strategies/" + java.util.UUID.randomUUID())
                        .then(),
                404,
                "not-found");
        problem(
                given().auth()
                        .oauth2(trader())
                        .get("/api/v1/strategies/not-a-uuid")
                        .then(),
                404,
                "not-found");
    }

    @Test
    void fibRsiParametersAreCheckedAndStoredWithTheirDefaults() throws Exception {
        String name = unique("Engine");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body(name)
                        .put("params", new JsonObject().put("oversold", "25").put("lookback", 60))
                        .encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201)
                .body("params.oversold", equalTo(25))
                .body("params.lookback", equalTo(60))
                .body("params.rsiPeriod", equalTo(14))
                .body("params.overbought", equalTo(70))
                .body("params.fibLevels.size()", equalTo(4))
                .body("params.expiryBars", equalTo(3));

        long before = count("SELECT count(*) FROM signal.strategies");
        JsonObject bad = new JsonObject()
                .put("rsiPeriod", 1)
                .put("oversold", 80)
                .put("lookback", "long")
                .put("fibLevels", new io.vertx.core.json.JsonArray().add(1.5))
                .put("rsiPeriode", 14);
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(body(unique("Bad engine"))
                                        .put("params", bad)
                                        .encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", hasItem("params.rsiPeriode"))
                .body("violations.field", hasItem("params.lookback"));
        // each value readable but out of range: all reported
        JsonObject range = new JsonObject()
                .put("rsiPeriod", 1)
                .put("oversold", 80)
                .put("fibLevels", new io.vertx.core.json.JsonArray().add(1.5))
                .put("expiryBars", 0);
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(body(unique("Bad engine"))
                                        .put("params", range)
                                        .encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "params.rsiPeriod", "params.oversold", "params.fibLevels", "params.expiryBars"));
        // absurd magnitudes are refused, not expanded; a whole number may come as a string
        JsonObject huge = new JsonObject()
                .put("oversold", "1e2147483647")
                .put("proximity", "1e-300000000")
                .put("rsiPeriod", "14.5");
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(body(unique("Huge")).put("params", huge).encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body(
                        "violations.field",
                        containsInAnyOrder("params.oversold", "params.proximity", "params.rsiPeriod"));
        // a D1 signal living 10 bars would outlive signal.max-expiry (7 days)
        problem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.JSON)
                                .body(body(unique("Long lived"))
                                        .put("timeframe", "D1")
                                        .put("params", new JsonObject().put("expiryBars", 10))
                                        .encode())
                                .post("/api/v1/strategies")
                                .then(),
                        400,
                        "validation")
                .body("violations.field", containsInAnyOrder("params.expiryBars"));
        assertThat(count("SELECT count(*) FROM signal.strategies")).isEqualTo(before);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body(unique("Strings"))
                        .put("params", new JsonObject().put("rsiPeriod", "21").put("expiryBars", "6"))
                        .encode())
                .post("/api/v1/strategies")
                .then()
                .statusCode(201)
                .body("params.rsiPeriod", equalTo(21))
                .body("params.expiryBars", equalTo(6));
    }
}
