package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service connection that closes before it answers (a pooled connection the service had just
 * closed, a replica that died under it): a trader's read is sent once more and answered; a write, a
 * signed EA request and a second loss are not retried, and end in 503 problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = UpstreamRetryTest.Dropping.class, restrictToAnnotatedClass = true)
class UpstreamRetryTest {
    /** A stand-in approval-service that drops the connection of the next {@link #drop} requests unanswered. */
    public static class Dropping implements QuarkusTestResourceLifecycleManager {
        static final AtomicInteger drop = new AtomicInteger();
        /** Requests whose connection is reset (RST, as when the service is killed) before they are answered. */
        static final AtomicInteger reset = new AtomicInteger();

        static final List<String> seen = new CopyOnWriteArrayList<>();
        static final List<String> forwardedFor = new CopyOnWriteArrayList<>();
        private ServerSocket server;

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket s = server.accept();
                                Thread t = new Thread(() -> serve(s), "dropping-upstream-connection");
                                t.setDaemon(true);
                                t.start();
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "dropping-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + server.getLocalPort();
            return Map.of("gateway.routes.approval.url", url, "%test.gateway.routes.approval.url", url);
        }

        /** Keep-alive HTTP/1.1: answers each request with 200, or closes the connection instead. */
        private static void serve(Socket s) {
            try (s) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                while (true) {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    long length = 0;
                    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                        if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            length = Long.parseLong(h.substring(15).trim());
                        } else if (h.regionMatches(true, 0, "X-Forwarded-For:", 0, 16)) {
                            forwardedFor.add(h.substring(16).trim());
                        }
                    }
                    in.skip(length);
                    seen.add(line.substring(0, line.indexOf(" HTTP/")));
                    if (reset.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        Thread.sleep(200); // the request is in, the answer not yet out
                        s.setSoLinger(true, 0); // the process is killed: the peer sees a reset
                        return;
                    }
                    if (drop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return; // closed without a byte of answer
                    }
                    byte[] body = "{\"userId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // the gateway closed it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }

    @Inject
    MeterRegistry metrics;

    final String token = TestTokens.valid(UUID.randomUUID().toString());

    @BeforeEach
    void reset() {
        Dropping.drop.set(0);
        Dropping.reset.set(0);
        Dropping.seen.clear();
        Dropping.forwardedFor.clear();
    }

    double retries() {
        var c = metrics.find("signaldesk.gateway.upstream_retries").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aReadWhoseConnectionClosedUnansweredIsSentOnceMoreAndAnswered() {
        double before = retries();
        Dropping.drop.set(1);
        given().auth().oauth2(token).get("/api/v1/traders/me").then().statusCode(200);
        assertThat(Dropping.seen).containsExactly("GET /api/v1/traders/me", "GET /api/v1/traders/me");
        assertThat(retries() - before).isEqualTo(1.0);
    }

    @Test
    void aReadIsRetriedOnceOnly() {
        Dropping.drop.set(2);
        given().auth()
                .oauth2(token)
                .get("/api/v1/traders/me")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        assertThat(Dropping.seen).hasSize(2);
    }

    @Test
    void aWriteIsNeverSentTwice() {
        Dropping.drop.set(1);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/approvals/" + UUID.randomUUID() + "/approve")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        assertThat(Dropping.seen).hasSize(1);
    }

    /**
     * An EA ack in flight when approval-service was killed -9 (the connection reset, not closed): the
     * terminal gets its 503 at once and acks again. Before, the gateway never answered it: the terminal
     * waited out its own 40 s timeout (the fault drill's slowest commands, 40 s).
     */
    @Test
    void aWriteWhoseConnectionIsResetIsAnswered503AtOnce() throws Exception {
        // as a terminal's client does: java.net.http, which upgrades plain http to HTTP/2 (h2c); and HTTP/1.1
        for (java.net.http.HttpClient.Version version : java.net.http.HttpClient.Version.values()) {
            java.net.http.HttpClient client =
                    java.net.http.HttpClient.newBuilder().version(version).build();
            String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
            java.net.http.HttpResponse<String> read = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/traders/me"))
                            .timeout(java.time.Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            Dropping.seen.clear();
            Dropping.reset.set(1);
            java.net.http.HttpResponse<String> r = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/ea/ack"))
                            .timeout(java.time.Duration.ofSeconds(10))
                            .header("X-Device-Id", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"commandId\":\"" + UUID.randomUUID() + "\",\"status\":\"FILLED\"}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(version);
            assertThat(r.statusCode()).as(version.toString()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Dropping.seen).containsExactly("POST /api/v1/ea/ack");
        }
    }

    @Test
    void aSignedEaPollIsNeverSentTwice() {
        Dropping.drop.set(1);
        given().header("X-Device-Id", UUID.randomUUID().toString())
                .get("/api/v1/ea/poll?waitMs=0")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        assertThat(Dropping.seen).hasSize(1);
    }

    @Test
    void aHeadIsNeverSentTwice() {
        // a HEAD runs the resource's GET method upstream; the public referral click records on GET
        Dropping.drop.set(1);
        given().auth().oauth2(token).head("/api/v1/traders/me").then().statusCode(503);
        assertThat(Dropping.seen).containsExactly("HEAD /api/v1/traders/me");
    }

    @Test
    void aTrailingSlashSpellingOfASignedOrLongPollRouteIsNeverSentTwice() {
        Dropping.drop.set(1);
        given().auth()
                .oauth2(token)
                .header("X-Device-Id", UUID.randomUUID().toString())
                .get("/api/v1/ea/poll/?waitMs=0")
                .then()
                .statusCode(503);
        assertThat(Dropping.seen).hasSize(1);
    }

    @Test
    void aWebSocketUpgradeStillCarriesTheGatewaysForwardedForNotTheClients() {
        given().auth()
                .oauth2(token)
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("X-Forwarded-For", "203.0.113.66")
                .get("/api/v1/traders/me");
        assertThat(Dropping.seen).containsExactly("GET /api/v1/traders/me");
        assertThat(Dropping.forwardedFor).containsExactly("127.0.0.1");
    }
}
