package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live-approvals stream through the gateway, against a fake approval-service: JWT checked at
 * connect, events passed on as they come (not buffered until the body ends), the upstream closed
 * when the client leaves, per-user and total bounds, and a pool of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeStreamUpstream.class, restrictToAnnotatedClass = true)
class GatewayStreamTest {
    static final String PATH = "/api/v1/approvals/stream";

    static final class Stream implements AutoCloseable {
        final Socket socket;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final String head;

        Stream(String token) throws IOException {
            socket = new Socket("127.0.0.1", RestAssured.port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                            + "Cookie: sd_refresh=must-not-leave-the-gateway\r\n"
                            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder h = new StringBuilder();
            for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                h.append(l).append('\n');
            }
            head = h.toString();
            Thread t = new Thread(() -> {
                try {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String nextData(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null && l.startsWith("data: ")) {
                    return l.substring(6);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void eventsPassThroughAsTheyComeAndLeavingClosesTheUpstream() throws Exception {
        String user = UUID.randomUUID().toString();
        try (Stream s = new Stream(TestTokens.valid(user))) {
            assertThat(s.head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/event-stream");
            // the upstream has not ended its body: an event seen now was not buffered
            assertThat(s.nextData(Duration.ofSeconds(5))).contains("\"id\":\"first\"");
            FakeStreamUpstream.events.add("event: approval\ndata: {\"id\":\"second\"}\n\n");
            assertThat(s.nextData(Duration.ofSeconds(5))).isEqualTo("{\"id\":\"second\"}");
            await().atMost(Duration.ofSeconds(3)).until(() -> s.lines.contains(": keepalive"));
            assertThat(FakeStreamUpstream.lastAuthorization).startsWith("Bearer ");
            assertThat(FakeStreamUpstream.lastForwardedFor).isEqualTo("127.0.0.1");
            assertThat(FakeStreamUpstream.lastCookie)
                    .as("cookies stay at the edge")
                    .isNull();
            assertThat(FakeStreamUpstream.open.get()).isEqualTo(1);
        }
        // the client hung up: the gateway closes its upstream connection (the service releases its listener)
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeStreamUpstream.open.get() == 0);
    }

    @Test
    void aStreamNeedsAValidToken() throws Exception {
        try (Stream s = new Stream(null)) {
            assertThat(s.head).startsWith("HTTP/1.1 401").containsIgnoringCase("application/problem+json");
        }
        try (Stream s = new Stream(TestTokens.expired())) {
            assertThat(s.head).startsWith("HTTP/1.1 401");
        }
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        assertThat(FakeStreamUpstream.open.get()).isZero();
    }

    @Test
    void streamsAreBoundedPerUserAndInTotalAndLeaveTheNormalPoolAlone() throws Exception {
        String a = TestTokens.valid(UUID.randomUUID().toString());
        String b = TestTokens.valid(UUID.randomUUID().toString());
        String c = TestTokens.valid(UUID.randomUUID().toString());
        List<Stream> opened = new ArrayList<>();
        try {
            opened.add(new Stream(a));
            opened.add(new Stream(a));
            opened.forEach(s -> assertThat(s.head).startsWith("HTTP/1.1 200"));
            // a third tab of the same user
            given().auth()
                    .oauth2(a)
                    .get(PATH)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("10"));
            Stream third = new Stream(b);
            opened.add(third);
            assertThat(third.head).startsWith("HTTP/1.1 200");
            // the gateway carries 3 streams at most (gateway.streams.max in this test)
            given().auth()
                    .oauth2(c)
                    .get(PATH)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://signaldesk.io/problems/too-many-streams"));
            // three open streams, and the normal proxy (pool of 2 here) still answers at once
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(c).get("/api/v1/approvals").then().statusCode(200);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> FakeStreamUpstream.open.get() == 3);
        } finally {
            for (Stream s : opened) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeStreamUpstream.open.get() == 0);
        // the slots were released with the connections
        try (Stream again = new Stream(c)) {
            assertThat(again.head).startsWith("HTTP/1.1 200");
        }
    }
}
