package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.signaldesk.approval.service.ApprovalStreams;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's live approvals: GET /api/v1/approvals/stream carries the signed-in trader's
 * approval changes (created by a signal's fan-out, approved, filled) and nobody else's, through
 * Redis pub/sub; a client that leaves releases its listener.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class ApprovalStreamTest {
    @Inject
    ApprovalStreams streams;

    /** An open stream on a raw socket: every line read, so the test can also just hang up. */
    static final class Stream implements AutoCloseable {
        final Socket socket;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final String head;

        Stream(String token) throws IOException {
            socket = new Socket("127.0.0.1", RestAssured.port);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/approvals/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
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
            Thread reader = new Thread(() -> {
                try {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The data of the next {@code event: approval}, skipping keepalives and chunk framing. */
        JsonObject nextApproval(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            boolean inEvent = false;
            while (System.nanoTime() < deadline) {
                String l = lines.poll(200, TimeUnit.MILLISECONDS);
                if (l == null) {
                    continue;
                }
                if (l.equals("event: approval")) {
                    inEvent = true;
                } else if (inEvent && l.startsWith("data: ")) {
                    return new JsonObject(l.substring(6));
                }
            }
            return null;
        }

        List<String> drain() {
            List<String> all = new ArrayList<>();
            lines.drainTo(all);
            return all;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String pendingApproval(UUID user, UUID signal) {
        return given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=PENDING")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.signalId == '" + signal + "' }.id", String.class)
                .get(0);
    }

    @Test
    void theTraderSeesTheNewApprovalItsApprovalAndItsFillAndNobodyElseDoes() throws Exception {
        UUID trader = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(trader);
        subscribe(trader, strategy, "");
        int before = streams.openStreams();
        try (Stream mine = new Stream(token(trader));
                Stream theirs = new Stream(token(other))) {
            assertThat(mine.head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/event-stream");
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == before + 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> mine.lines.contains(": keepalive"));

            UUID signal = UUID.randomUUID();
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    signal,
                    strategy,
                    Instant.now().plusSeconds(600)));
            JsonObject created = mine.nextApproval(Duration.ofSeconds(30));
            assertThat(created).as("the fan-out's new approval").isNotNull();
            String approval = pendingApproval(trader, signal);
            assertThat(created.getString("id")).isEqualTo(approval);
            assertThat(created.getString("status")).isEqualTo("PENDING");
            assertThat(created.containsKey("executionStatus")).isTrue();
            assertThat(created.getValue("executionStatus")).isNull();

            given().auth()
                    .oauth2(token(trader))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/approvals/" + approval + "/approve")
                    .then()
                    .statusCode(200);
            JsonObject approved = mine.nextApproval(Duration.ofSeconds(10));
            assertThat(approved).isNotNull();
            assertThat(approved.getString("id")).isEqualTo(approval);
            assertThat(approved.getString("status")).isEqualTo("APPROVED");
            assertThat(approved.getString("executionStatus")).isEqualTo("PENDING");

            // the terminal executes it: the console learns the fill
            var ea = dev.client();
            JsonArray commands = new JsonObject(ea.poll(5_000).body()).getJsonArray("commands");
            String commandId = commands.getJsonObject(0).getString("commandId");
            assertThat(ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\",\"ticket\":50012345,"
                                    + "\"price\":\"1.08425\",\"volume\":\"0.10\"}")
                            .status())
                    .isEqualTo(200);
            JsonObject filled = mine.nextApproval(Duration.ofSeconds(10));
            assertThat(filled).isNotNull();
            assertThat(filled.getString("status")).isEqualTo("APPROVED");
            assertThat(filled.getString("executionStatus")).isEqualTo("FILLED");

            // the other user's stream is open and alive, and carried none of it
            Thread.sleep(500);
            List<String> seen = theirs.drain();
            assertThat(seen).contains(": keepalive");
            assertThat(String.join("\n", seen)).doesNotContain("event:").doesNotContain(approval);
        }
        // both clients hung up: their listeners are gone (no leak per disconnected browser tab)
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() == before);
    }

    @Test
    void rejectingExpiringAndCancellingAreStreamedToo() throws Exception {
        UUID trader = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        String subscription = subscribe(trader, strategy, "");
        try (Stream mine = new Stream(token(trader))) {
            UUID signal = UUID.randomUUID();
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    signal,
                    strategy,
                    Instant.now().plusSeconds(600)));
            assertThat(mine.nextApproval(Duration.ofSeconds(30))).isNotNull();
            String approval = pendingApproval(trader, signal);
            given().auth()
                    .oauth2(token(trader))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"not today\"}")
                    .post("/api/v1/approvals/" + approval + "/reject")
                    .then()
                    .statusCode(200);
            JsonObject rejected = mine.nextApproval(Duration.ofSeconds(10));
            assertThat(rejected.getString("id")).isEqualTo(approval);
            assertThat(rejected.getString("status")).isEqualTo("REJECTED");

            UUID soon = UUID.randomUUID();
            send(signalEvent(
                    UUID.randomUUID().toString(), soon, strategy, Instant.now().plusSeconds(6)));
            JsonObject pending = mine.nextApproval(Duration.ofSeconds(30));
            assertThat(pending.getString("status")).isEqualTo("PENDING");
            JsonObject expired = mine.nextApproval(Duration.ofSeconds(20));
            assertThat(expired).as("the expiry sweep's change").isNotNull();
            assertThat(expired.getString("id")).isEqualTo(pending.getString("id"));
            assertThat(expired.getString("status")).isEqualTo("EXPIRED");

            // unsubscribing withdraws the pending approvals: CANCELLED
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    UUID.randomUUID(),
                    strategy,
                    Instant.now().plusSeconds(600)));
            JsonObject open = mine.nextApproval(Duration.ofSeconds(30));
            assertThat(open.getString("status")).isEqualTo("PENDING");
            given().auth()
                    .oauth2(token(trader))
                    .delete("/api/v1/subscriptions/" + subscription)
                    .then()
                    .statusCode(204);
            JsonObject cancelled = mine.nextApproval(Duration.ofSeconds(10));
            assertThat(cancelled).as("the unsubscribe's change").isNotNull();
            assertThat(cancelled.getString("id")).isEqualTo(open.getString("id"));
            assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aGuardBlockWithdrawingAnApprovedTradeIsStreamed() throws Exception {
        UUID trader = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(trader);
        subscribe(trader, strategy, "");
        try (Stream mine = new Stream(token(trader))) {
            UUID signal = UUID.randomUUID();
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    signal,
                    strategy,
                    Instant.now().plusSeconds(600)));
            assertThat(mine.nextApproval(Duration.ofSeconds(30))).isNotNull();
            String approval = pendingApproval(trader, signal);
            GuardEventsTest.approve(trader, approval, 200);
            assertThat(mine.nextApproval(Duration.ofSeconds(10)).getString("executionStatus"))
                    .isEqualTo("PENDING");
            String eventId = UUID.randomUUID().toString();
            send(PipelineFixture.guardEvent(
                    eventId, "GuardTriggered", GuardEventsTest.triggered(trader, dev, "DRAWDOWN", "BLOCK")));
            JsonObject withdrawn = mine.nextApproval(Duration.ofSeconds(30));
            assertThat(withdrawn).as("the withdrawn command's change").isNotNull();
            assertThat(withdrawn.getString("id")).isEqualTo(approval);
            assertThat(withdrawn.getString("status")).isEqualTo("APPROVED");
            assertThat(withdrawn.getString("executionStatus")).isEqualTo("EXPIRED");
        }
    }

    @Test
    void aStreamNeedsAValidTokenAndItsSubjectMustBeAUser() throws Exception {
        for (String bad : new String[] {null, "not.a.jwt"}) {
            try (Stream s = new Stream(bad)) {
                assertThat(s.head).startsWith("HTTP/1.1 401");
                assertThat(s.head).containsIgnoringCase("application/problem+json");
            }
        }
        given().get("/api/v1/approvals/stream").then().statusCode(401);
        String notAUser = io.smallrye.jwt.build.Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject("service-account")
                .expiresIn(300)
                .sign();
        given().auth().oauth2(notAUser).get("/api/v1/approvals/stream").then().statusCode(401);
    }
}
