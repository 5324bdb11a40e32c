package io.signaldesk.signal;

import static io.restassured.RestAssured.given;
import static io.signaldesk.signal.TestSupport.buy;
import static io.signaldesk.signal.TestSupport.postSigned;
import static io.signaldesk.signal.TestSupport.problem;
import static io.signaldesk.signal.TestSupport.producer;
import static io.signaldesk.signal.TestSupport.signal;
import static io.signaldesk.signal.TestSupport.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code signaldesk.signals.refused} counts every refusal of a signal, whichever step refused it: who
 * is sending (401/404), the body's shape (400) and its meaning (422), tagged with the source and the
 * problem type.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class SignalRefusalMetricsTest {

    static double refused(String source, String reason) {
        String metrics = given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // name{tags} value, then perhaps an exemplar (# {span_id=...} ...)
        Matcher m = Pattern.compile("(?m)^signaldesk_signals_refused_total\\{([^}]*)} (\\S+)")
                .matcher(metrics);
        while (m.find()) {
            String tags = m.group(1);
            if (tags.contains("source=\"" + source + "\"") && tags.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void everyRefusedSignedRequestIsCountedWithItsReason() {
        JsonObject p = producer(strategy("EURUSD"));
        String id = p.getString("id");
        String secret = p.getString("secret");
        double invalid = refused("producer", "signature-invalid");
        double malformed = refused("producer", "malformed-body");
        double validation = refused("producer", "validation");
        double levels = refused("producer", "signal-levels");

        problem(postSigned(id, "wrong-secret-000000000000", buy("EURUSD").encode()), 401, "signature-invalid");
        problem(postSigned(id, secret, "{\"instrument\":"), 400, "malformed-body");
        problem(postSigned(id, secret, buy("EURUSD").put("side", "HOLD").encode()), 400, "validation");
        problem(
                postSigned(
                        id,
                        secret,
                        signal("EURUSD", "BUY", "1.084", "1.090", "1.095").encode()),
                422,
                "signal-levels");

        assertThat(refused("producer", "signature-invalid")).isEqualTo(invalid + 1);
        assertThat(refused("producer", "malformed-body")).isEqualTo(malformed + 1);
        assertThat(refused("producer", "validation")).isEqualTo(validation + 1);
        assertThat(refused("producer", "signal-levels")).isEqualTo(levels + 1);
    }

    @Test
    void everyRefusedAlertIsCountedWithItsReason() {
        String token = producer(strategy("XAUUSD")).getString("tradingViewToken");
        double notFound = refused("tradingview", "not-found");
        double validation = refused("tradingview", "validation");
        double tooOld = refused("tradingview", "alert-too-old");
        JsonObject alert = new JsonObject()
                .put("instrument", "XAUUSD")
                .put("side", "BUY")
                .put("entry", "2350.5")
                .put("stopLoss", "2340")
                .put("takeProfit", "2380.25")
                .put("time", Instant.now().toString());

        problem(
                given().contentType(ContentType.JSON)
                        .body(alert.encode())
                        .post("/api/v1/hooks/tradingview/not-a-token")
                        .then(),
                404,
                "not-found");
        problem(
                given().contentType(ContentType.JSON)
                        .body(alert.copy().put("side", "HOLD").encode())
                        .post("/api/v1/hooks/tradingview/" + token)
                        .then(),
                400,
                "validation");
        problem(
                given().contentType(ContentType.JSON)
                        .body(alert.copy()
                                .put("time", Instant.now().minusSeconds(600).toString())
                                .encode())
                        .post("/api/v1/hooks/tradingview/" + token)
                        .then(),
                422,
                "alert-too-old");

        assertThat(refused("tradingview", "not-found")).isEqualTo(notFound + 1);
        assertThat(refused("tradingview", "validation")).isEqualTo(validation + 1);
        assertThat(refused("tradingview", "alert-too-old")).isEqualTo(tooOld + 1);
    }
}
