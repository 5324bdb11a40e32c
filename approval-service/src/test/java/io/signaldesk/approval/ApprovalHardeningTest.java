package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.strategy;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.token;
import static io.signaldesk.approval.TradePipelineTest.pendingApproval;
import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The security regression suite's approval-service part (docs/security.md names each test). */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class ApprovalHardeningTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void aDeviceIdSpelledAnotherWayIsMalformedAndCannotReplayACapturedPoll() {
        PipelineFixture.Dev dev = device(UUID.randomUUID());
        String nonce = EaClient.newNonce();
        assertThat(dev.client()
                        .send("GET", "/api/v1/ea/poll?waitMs=0", "", nonce)
                        .status())
                .isEqualTo(200);
        EaClient upper = new EaClient(
                "http://127.0.0.1:" + io.restassured.RestAssured.port, dev.id().toUpperCase(Locale.ROOT), dev.secret());
        EaClient.Reply replay = upper.send("GET", "/api/v1/ea/poll?waitMs=0", "", nonce);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("signature-malformed");
        assertThat(upper.poll(0).status())
                .as("a fresh nonce does not help either")
                .isEqualTo(401);
    }

    @Test
    void aSignalThatCanNeverBeAppliedGoesToTheDlqWithItsReasonAndTheNextOneOnThePartitionIsApplied() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        device(user);
        subscribe(user, strategy, "");
        UUID nullSide = UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        var noSide = signalEvent(
                UUID.randomUUID().toString(), nullSide, strategy, Instant.now().plusSeconds(600));
        noSide = new org.apache.kafka.clients.producer.ProducerRecord<>(
                noSide.topic(),
                null,
                noSide.key(),
                new JsonObject(noSide.value()).putNull("side").encode(),
                noSide.headers());
        var huge = signalEvent(
                UUID.randomUUID().toString(), tooLarge, strategy, Instant.now().plusSeconds(600));
        huge = new org.apache.kafka.clients.producer.ProducerRecord<>(
                huge.topic(),
                null,
                huge.key(),
                new JsonObject(huge.value()).put("entry", "1e12").encode(),
                huge.headers()); // NUMERIC(19,10) cannot hold it
        // all three share the strategy's key, so the same partition: the two bad ones must not block the good one
        send(
                noSide,
                huge,
                signalEvent(
                        UUID.randomUUID().toString(),
                        good,
                        strategy,
                        Instant.now().plusSeconds(600)));
        pendingApproval(user, good);
        var dead = io.signaldesk.localstack.TestTopics.read(
                "dlq.approval-service.signals.v1",
                r -> r.value().contains(nullSide.toString()) || r.value().contains(tooLarge.toString()),
                2,
                Duration.ZERO);
        assertThat(dead).hasSize(2);
        assertThat(dead)
                .allSatisfy(r ->
                        assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        String reasons = dead.stream()
                .map(r -> new String(
                        r.headers().lastHeader("dead-letter-reason").value(), java.nio.charset.StandardCharsets.UTF_8))
                .reduce("", (a, b) -> a + " | " + b);
        assertThat(reasons).contains("lacks the required field side");
        assertThat(count("SELECT count(*) FROM approval.signals WHERE signal_id IN ('" + nullSide + "', '" + tooLarge
                        + "')"))
                .isZero();
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIs401EverywhereNotA400() {
        String odd = io.smallrye.jwt.build.Jwt.issuer("https://signaldesk.io")
                .audience("signaldesk")
                .subject("not-a-user-id")
                .groups(java.util.Set.of("trader"))
                .expiresIn(300)
                .sign();
        for (String path :
                List.of("/api/v1/devices", "/api/v1/subscriptions", "/api/v1/approvals", "/api/v1/traders/me")) {
            given().auth()
                    .oauth2(odd)
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/unauthorized"));
        }
    }

    @Test
    void aDeviceShowsWhenItsTerminalWasLastHeardFromButOnlyAfterASignedRequestVerified() {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .body("find { it.id == '" + dev.id() + "' }.lastSeenAt", org.hamcrest.Matchers.nullValue());
        new EaClient("http://127.0.0.1:" + io.restassured.RestAssured.port, dev.id(), "not-the-secret-xxxxxxxx")
                .poll(0);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .body("find { it.id == '" + dev.id() + "' }.lastSeenAt", org.hamcrest.Matchers.nullValue());
        assertThat(dev.client().poll(0).status()).isEqualTo(200);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .body("find { it.id == '" + dev.id() + "' }.lastSeenAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRevokedDeviceIsToldSoOnlyWhenItsSignatureVerifies() {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        given().auth()
                .oauth2(token(user))
                .delete("/api/v1/devices/" + dev.id())
                .then()
                .statusCode(204);
        EaClient.Reply stranger = new EaClient(
                        "http://127.0.0.1:" + io.restassured.RestAssured.port, dev.id(), "not-the-secret-xxxxxxxx")
                .poll(0);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.body()).contains("signature-invalid").doesNotContain("revoked");
        assertThat(dev.client().poll(0).body()).contains("device-revoked");
    }

    @Test
    void anOpenCommandNoTerminalCollectedBeforeTheSignalExpiredIsNeverDelivered() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        UUID signal = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, "");
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(3)));
        String approval = pendingApproval(user, signal);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(200);
        // the terminal is offline until after the signal's expiry plus the grace (1 s in tests)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM approval.commands WHERE approval_id = '" + approval
                                + "' AND status = 'EXPIRED'")
                        == 1);
        EaClient.Reply late = dev.client().poll(0);
        assertThat(late.status()).isEqualTo(200);
        assertThat(new JsonObject(late.body()).getJsonArray("commands")).isEmpty();
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .statusCode(200)
                .body("execution.status", equalTo("EXPIRED"))
                .body("execution.deliveries", equalTo(0));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .statusCode(200)
                .body(
                        "reason",
                        hasItem("not executed: the terminal did not collect the trade before the signal expired"));
        // an EA that claims to have filled it anyway is refused: it was never handed out
        String commandId = given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .extract()
                .path("execution.commandId");
        EaClient.Reply ack = dev.client()
                .ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\",\"ticket\":9,"
                        + "\"price\":\"1.1\",\"volume\":\"0.10\"}");
        assertThat(ack.status()).isEqualTo(409);
        assertThat(ack.body()).contains("command-expired");
        assertThat(count("SELECT count(*) FROM approval.outbox WHERE payload LIKE '%" + commandId + "%'"))
                .isZero();
    }

    @Test
    void aTradeTheTerminalCollectedButDidNotConfirmBeforeExpiryIsUnconfirmedAndALateFillIsStillRecorded()
            throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        Instant expiry = Instant.now().plusSeconds(3);
        send(signalEvent(UUID.randomUUID().toString(), UUID.randomUUID(), strategy, expiry));
        JsonObject cmd = new JsonObject(dev.client().poll(20_000).body())
                .getJsonArray("commands")
                .getJsonObject(0);
        assertThat(Instant.parse(cmd.getString("expiresAt"))).isAfter(expiry); // the EA can refuse to execute after it
        String commandId = cmd.getString("commandId");
        // the terminal traded but its ack is lost; the lease (2 s in tests) and the expiry pass
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM approval.commands WHERE id = '" + commandId
                                + "' AND status = 'EXPIRED'")
                        == 1);
        assertThat(new JsonObject(dev.client().poll(0).body()).getJsonArray("commands"))
                .as("not delivered again")
                .isEmpty();
        String approval = io.signaldesk.localstack.TestSql.text(
                "SELECT approval_id FROM approval.commands WHERE id = '" + commandId + "'");
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body(
                        "reason",
                        hasItem(org.hamcrest.Matchers.startsWith("unconfirmed: the terminal received the trade")));
        EaClient.Reply late = dev.client()
                .ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\",\"ticket\":77,"
                        + "\"price\":\"1.0841\",\"volume\":\"0.10\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .body("execution.status", equalTo("FILLED"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body("reason", hasItem("confirmed after the signal expired: FILLED"));
        assertThat(count(
                        "SELECT count(*) FROM approval.outbox WHERE event_type = 'io.signaldesk.FillReported' AND payload LIKE '%"
                                + commandId + "%'"))
                .isEqualTo(1);
    }

    @Test
    void aNewerLongPollOfTheSameDeviceEndsTheOlderOneWhichLeasesNothing() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        long t0 = System.nanoTime();
        CompletableFuture<EaClient.Reply> older =
                CompletableFuture.supplyAsync(() -> dev.client().poll(20_000));
        Thread.sleep(500);
        CompletableFuture<EaClient.Reply> newer =
                CompletableFuture.supplyAsync(() -> dev.client().poll(20_000));
        EaClient.Reply ended = older.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(new JsonObject(ended.body()).getJsonArray("commands")).isEmpty();
        Thread.sleep(1000); // the announcements of both polls have gone round Redis: the newer one is still waiting
        assertThat(newer).isNotDone();
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        EaClient.Reply got = newer.get(20, TimeUnit.SECONDS);
        assertThat(new JsonObject(got.body()).getJsonArray("commands")).hasSize(1);
    }

    @Test
    void aBrokerAccountIsRegisteredOncePerTraderNotOnceForEveryone() {
        UUID victim = UUID.randomUUID();
        UUID squatter = UUID.randomUUID();
        String account = "{\"name\":\"MT5\",\"brokerAccount\":\"7770001\",\"brokerServer\":\"Broker-Live 3\"}";
        given().auth()
                .oauth2(token(squatter))
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/v1/devices")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token(victim))
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/v1/devices")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token(victim))
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/v1/devices")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/device-exists"));
    }

    @Test
    void concurrentIdenticalRegistrationsAndSubscriptionsGiveOneSuccessAndConflictsNever500() throws Exception {
        UUID user = UUID.randomUUID();
        String body = "{\"name\":\"MT5\",\"brokerAccount\":\"8880001\",\"brokerServer\":\"Broker-Live 3\"}";
        List<Integer> devices = all(
                12,
                () -> given().auth()
                        .oauth2(token(user))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/devices")
                        .statusCode());
        assertThat(devices).containsOnly(201, 409);
        assertThat(devices.stream().filter(s -> s == 201)).hasSize(1);

        UUID strategy = strategy();
        String sub = "{\"strategyId\":\"" + strategy
                + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}";
        List<Integer> subs = all(
                12,
                () -> given().auth()
                        .oauth2(token(user))
                        .contentType(ContentType.JSON)
                        .body(sub)
                        .post("/api/v1/subscriptions")
                        .statusCode());
        assertThat(subs).containsOnly(201, 409);
        assertThat(subs.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(count("SELECT count(*) FROM approval.subscriptions WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsCannotPassTheDeviceLimit() throws Exception {
        UUID user = UUID.randomUUID();
        PipelineFixture.entitle(user, "PRO", 5, 10);
        int[] n = {0};
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add("{\"name\":\"MT5 " + i + "\",\"brokerAccount\":\"99900" + i
                    + "\",\"brokerServer\":\"Broker-Live 3\"}");
        }
        List<Integer> statuses = all(12, () -> {
            String b;
            synchronized (n) {
                b = bodies.get(n[0]++);
            }
            return given().auth()
                    .oauth2(token(user))
                    .contentType(ContentType.JSON)
                    .body(b)
                    .post("/api/v1/devices")
                    .statusCode();
        });
        assertThat(statuses).containsOnly(201, 403);
        assertThat(count("SELECT count(*) FROM approval.devices WHERE user_id = '" + user + "' AND revoked_at IS NULL"))
                .isEqualTo(5);
    }

    @Test
    void subscribingNeedsAStrategySignalServicePublishedAndARetiredOneStopsItsSignals() throws Exception {
        UUID user = UUID.randomUUID();
        device(user);
        String body = "{\"strategyId\":\"" + UUID.randomUUID()
                + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}";
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/unknown-strategy"));
        assertThat(count("SELECT count(*) FROM approval.subscriptions WHERE user_id = '" + user + "'"))
                .isZero();

        UUID strategy = strategy();
        subscribe(user, strategy, "");
        send(PipelineFixture.strategyEvent(
                "StrategyRetired",
                new JsonObject()
                        .put("strategyId", strategy.toString())
                        .put("retiredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.strategies WHERE strategy_id = '" + strategy
                                + "' AND retired_at IS NOT NULL")
                        == 1);
        UUID signal = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(signalEvent(eventId, signal, strategy, Instant.now().plusSeconds(600)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + eventId + "'") == 1);
        assertThat(count("SELECT count(*) FROM approval.approvals WHERE signal_id = '" + signal + "'"))
                .isZero();
        UUID other = UUID.randomUUID();
        given().auth()
                .oauth2(token(other))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + strategy
                        + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("retired"));
    }

    /** Issue 8 item 4: a withdrawn approval did not expire; the trader's list and audit trail say CANCELLED. */
    @Test
    void unsubscribingCancelsThePendingApprovalsOfThatSubscriptionOnly() throws Exception {
        UUID user = UUID.randomUUID();
        PipelineFixture.entitle(user, "PRO", 3, 10);
        device(user);
        UUID followed = strategy();
        UUID kept = strategy();
        String subscription = subscribe(user, followed, "");
        subscribe(user, kept, "");
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        send(
                signalEvent(
                        UUID.randomUUID().toString(),
                        s1,
                        followed,
                        Instant.now().plusSeconds(600)),
                signalEvent(
                        UUID.randomUUID().toString(), s2, kept, Instant.now().plusSeconds(600)));
        String cancelled = pendingApproval(user, s1);
        String stillPending = pendingApproval(user, s2);

        given().auth()
                .oauth2(token(user))
                .delete("/api/v1/subscriptions/" + subscription)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + cancelled)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("signal.signalId", equalTo(s1.toString()));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + cancelled + "/history")
                .then()
                .statusCode(200)
                .body("[-1].fromStatus", equalTo("PENDING"))
                .body("[-1].toStatus", equalTo("CANCELLED"))
                .body("[-1].actor", equalTo("user:" + user))
                .body("[-1].reason", equalTo("unsubscribed"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=CANCELLED")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(cancelled)))
                .body("[0].signal.signalId", equalTo(s1.toString()));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=PENDING")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(stillPending)))
                .body("[0].signal.signalId", equalTo(s2.toString()));
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + cancelled + "/approve")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://signaldesk.io/problems/approval-decided"));
    }

    @Test
    void nulCharactersAndNullElementsAre400AndNothingIsWritten() throws Exception {
        UUID user = UUID.randomUUID();
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"MT5\\u0000\",\"brokerAccount\":\"1230001\",\"brokerServer\":\"Broker-Live 3\"}")
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "detail",
                        equalTo("The body contains a NUL character (\\u0000) in a string; no field may hold one"));
        assertThat(count("SELECT count(*) FROM approval.devices WHERE user_id = '" + user + "'"))
                .isZero();

        PipelineFixture.Dev dev = device(user);
        EaClient.Reply nullPosition = dev.client()
                .snapshot("{\"balance\":\"1000\",\"equity\":\"1000\",\"currency\":\"USD\",\"positions\":[null]}");
        assertThat(nullPosition.status()).as(nullPosition.body()).isEqualTo(400);
        assertThat(nullPosition.body()).contains("positions[0]");
        EaClient.Reply nulError = dev.client()
                .ack("{\"commandId\":\"" + UUID.randomUUID() + "\",\"status\":\"FAILED\",\"error\":\"x\\u0000\"}");
        assertThat(nulError.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM approval.account_state WHERE device_id = '" + dev.id() + "'"))
                .isZero();

        UUID strategy = strategy();
        UUID signal = UUID.randomUUID();
        subscribe(user, strategy, "");
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, signal);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"no\\u0000\"}")
                .post("/api/v1/approvals/" + approval + "/reject")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .body("status", equalTo("PENDING"));
    }

    static List<Integer> all(int n, java.util.function.Supplier<Integer> call) throws Exception {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return call.get();
                        },
                        pool));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (CompletableFuture<Integer> c : calls) {
                out.add(c.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
