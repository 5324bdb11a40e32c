package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis that accepts connections and never answers (a stalled server, a partition): the limiter's
 * timeout fires on a timer thread, and the request must still be served on its own context.
 */
@QuarkusTest
@TestProfile(RedisHangTest.HungRedis.class)
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class RedisHangTest {
    /** Accepts and holds every connection without a byte of reply. */
    static final ServerSocket SILENT;

    static final List<Socket> HELD = new ArrayList<>();

    static {
        try {
            SILENT = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread t = new Thread(
                () -> {
                    while (!SILENT.isClosed()) {
                        try {
                            Socket s = SILENT.accept();
                            synchronized (HELD) {
                                HELD.add(s);
                            }
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "silent-redis");
        t.setDaemon(true);
        t.start();
    }

    public static class HungRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.hosts",
                    "redis://127.0.0.1:" + SILENT.getLocalPort(),
                    "gateway.rate-limit.auth-per-ip-per-minute",
                    "3");
        }
    }

    @Test
    void gatewayEndpointsAnswerNormallyAndTheAuthLimitHoldsWhileRedisHangs() {
        String body = "{\"email\":\"nobody@test.io\",\"password\":\"whatever-password\"}";
        // the first request pays the 200 ms timeout, on a timer thread; login still runs its database work
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429);
        given().baseUri(ManagementPort.url())
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'Rate limiter' }.data.store",
                        org.hamcrest.Matchers.startsWith("in-process"));
        String metrics = given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .then()
                .extract()
                .asString();
        assertThat(metrics).contains("signaldesk_gateway_ratelimit_redis_up 0.0");
    }
}
