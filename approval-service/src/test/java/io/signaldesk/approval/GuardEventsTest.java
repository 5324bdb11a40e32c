package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.guardEvent;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.strategy;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.token;
import static io.signaldesk.approval.TradePipelineTest.pendingApproval;
import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * guards.v1 in approval-service (issue 9): blocks refuse approvals and auto-approvals until cleared,
 * CLOSE_ALL and close requests become one command each for the EA, and their acks.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class GuardEventsTest {
    @Inject
    MeterRegistry metrics;

    static final String PROBLEM = "application/problem+json";
    static final String BLOCKED = "https://signaldesk.io/problems/account-blocked";

    static JsonObject triggered(UUID user, PipelineFixture.Dev dev, String kind, String stage) {
        return new JsonObject()
                .put("guardEventId", UUID.randomUUID().toString())
                .put("userId", user.toString())
                .put("deviceId", dev.id())
                .put("accountId", "acct-" + dev.id())
                .put("guardKind", kind)
                .put("stage", stage)
                .put("limit", "10")
                .put("observed", "12.5")
                .put("triggeredAt", Instant.now().toString());
    }

    static JsonObject cleared(UUID user, PipelineFixture.Dev dev, String kind) {
        return new JsonObject()
                .put("guardEventId", UUID.randomUUID().toString())
                .put("userId", user.toString())
                .put("deviceId", dev.id())
                .put("accountId", "acct-" + dev.id())
                .put("guardKind", kind)
                .put("clearedBy", "user:" + user)
                .put("clearedAt", Instant.now().toString());
    }

    static JsonObject closeRequested(UUID user, String deviceId, long ticket) {
        return new JsonObject()
                .put("requestId", UUID.randomUUID().toString())
                .put("userId", user.toString())
                .put("deviceId", deviceId)
                .put("accountId", "acct-" + deviceId)
                .put("ticket", ticket)
                .put("reason", "orphan position found by reconciliation")
                .put("requestedAt", Instant.now().toString());
    }

    /** Waits until the guards consumer has applied (or skipped as a duplicate) the event. */
    static void applied(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE consumer = 'approval-service.guards' "
                                + "AND event_id = '" + eventId + "'")
                        == 1);
    }

    static long commands(PipelineFixture.Dev dev, String type) {
        return count("SELECT count(*) FROM approval.commands WHERE device_id = '" + dev.id() + "' AND type = '" + type
                + "'");
    }

    static void approve(UUID user, String approval, int status) {
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(status);
    }

    @Test
    void aCloseAllGuardQueuesOneCloseAllAndBlocksApprovalsUntilItIsCleared() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, "");
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        send(
                signalEvent(
                        UUID.randomUUID().toString(),
                        s1,
                        strategy,
                        Instant.now().plusSeconds(600)),
                signalEvent(
                        UUID.randomUUID().toString(),
                        s2,
                        strategy,
                        Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, s1);
        String toReject = pendingApproval(user, s2);
        EaClient ea = dev.client();

        // the EA is waiting when the guard trips: the committed CLOSE_ALL wakes it
        CompletableFuture<EaClient.Reply> waiting = CompletableFuture.supplyAsync(() -> ea.poll(20_000));
        Thread.sleep(500);
        String first = UUID.randomUUID().toString();
        String again = UUID.randomUUID().toString();
        JsonObject closeAll = triggered(user, dev, "DRAWDOWN", "CLOSE_ALL");
        // the same event twice (a redelivery), then a second CLOSE_ALL trigger while the first command is
        // outstanding; one key, one partition: applied in this order
        send(
                guardEvent(first, "GuardTriggered", closeAll),
                guardEvent(first, "GuardTriggered", closeAll),
                guardEvent(
                        again,
                        "GuardTriggered",
                        triggered(user, dev, "DAILY_LOSS", "CLOSE_ALL").put("observed", "900")));
        EaClient.Reply woken = waiting.get(15, TimeUnit.SECONDS); // woken by the commit, well before its 20 s
        assertThat(woken.status()).as(woken.body()).isEqualTo(200);
        JsonArray delivered = new JsonObject(woken.body()).getJsonArray("commands");
        assertThat(delivered).hasSize(1);
        JsonObject cmd = delivered.getJsonObject(0);
        assertThat(cmd.getString("type")).isEqualTo("CLOSE_ALL");
        assertThat(cmd.containsKey("ticket")).isFalse();
        assertThat(cmd.containsKey("expiresAt")).as("a CLOSE_ALL never expires").isFalse();
        String commandId = cmd.getString("commandId");

        applied(first);
        applied(again);
        assertThat(commands(dev, "CLOSE_ALL"))
                .as("one CLOSE_ALL while it is outstanding")
                .isEqualTo(1);
        assertThat(new JsonObject(ea.poll(0).body()).getJsonArray("commands"))
                .as("nothing else was queued")
                .isEmpty();
        // the "guards stuck" alert's gauge sees the CLOSE_ALL waiting for its ack (at least this long)
        Thread.sleep(1500);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics.get("signaldesk.guards.oldest.outstanding")
                                .gauge()
                                .value()
                        >= 1.0);

        // blocked: approving answers why and writes nothing
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(BLOCKED))
                .body("status", equalTo(409))
                .body("detail", allOf(containsString("DRAWDOWN"), containsString("CLOSE_ALL")))
                .body("detail", containsString("DAILY_LOSS"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .body("status", equalTo("PENDING"))
                .body("execution", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body("$", hasSize(1));
        assertThat(commands(dev, "OPEN")).isZero();
        // the trader sees why
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("[0].guards", hasSize(2))
                .body("[0].guards.find { it.kind == 'DRAWDOWN' }.stage", equalTo("CLOSE_ALL"))
                .body("[0].guards.find { it.kind == 'DRAWDOWN' }.blocking", equalTo(true))
                .body("[0].guards.find { it.kind == 'DRAWDOWN' }.limit", equalTo("10"))
                .body("[0].guards.find { it.kind == 'DAILY_LOSS' }.observed", equalTo("900"));
        // rejecting still works while blocked
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"not now\"}")
                .post("/api/v1/approvals/" + toReject + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));

        // every position closed: FILLED without ticket, price or volume, and no FillReported
        EaClient.Reply ack = ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(new JsonObject(ack.body()).getString("status")).isEqualTo("FILLED");
        assertThat(ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\"}")
                        .body())
                .contains("\"repeated\":true");
        assertThat(count("SELECT count(*) FROM approval.outbox WHERE payload LIKE '%" + commandId + "%'"))
                .isZero();

        // one kind cleared: the other still blocks
        String clearDrawdown = UUID.randomUUID().toString();
        send(guardEvent(clearDrawdown, "GuardCleared", cleared(user, dev, "DRAWDOWN")));
        applied(clearDrawdown);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(409)
                .body("type", equalTo(BLOCKED))
                .body("detail", containsString("DAILY_LOSS"));
        // both cleared: approving works again
        String clearDailyLoss = UUID.randomUUID().toString();
        send(guardEvent(clearDailyLoss, "GuardCleared", cleared(user, dev, "DAILY_LOSS")));
        applied(clearDailyLoss);
        given().auth().oauth2(token(user)).get("/api/v1/devices").then().body("[0].guards", empty());
        approve(user, approval, 200);
        JsonArray open = new JsonObject(ea.poll(0).body()).getJsonArray("commands");
        assertThat(open).hasSize(1);
        assertThat(open.getJsonObject(0).getString("type")).isEqualTo("OPEN");
    }

    @Test
    void aBlockedAccountIsNotAutoApprovedOntoAndWarnBlocksNothing() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        String block = UUID.randomUUID().toString();
        String weaker = UUID.randomUUID().toString();
        send(
                guardEvent("GuardTriggered", triggered(user, dev, "DRAWDOWN", "WARN")),
                guardEvent(block, "GuardTriggered", triggered(user, dev, "DAILY_LOSS", "BLOCK")),
                // a weaker stage afterwards does not lift the block
                guardEvent(weaker, "GuardTriggered", triggered(user, dev, "DAILY_LOSS", "WARN")));
        applied(block);
        applied(weaker);
        assertThat(commands(dev, "CLOSE_ALL")).as("BLOCK closes nothing").isZero();

        UUID held = UUID.randomUUID();
        send(signalEvent(
                UUID.randomUUID().toString(), held, strategy, Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, held);
        assertThat(count("SELECT count(*) FROM approval.commands WHERE approval_id = '" + approval + "'"))
                .isZero();
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .body("status", equalTo("PENDING"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body("$", hasSize(1))
                .body(
                        "[0].reason",
                        containsString("not auto-approved: the account is blocked by its DAILY_LOSS guard"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .body("[0].guards.find { it.kind == 'DAILY_LOSS' }.stage", equalTo("BLOCK"))
                .body("[0].guards.find { it.kind == 'DRAWDOWN' }.stage", equalTo("WARN"))
                .body("[0].guards.find { it.kind == 'DRAWDOWN' }.blocking", equalTo(false));
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(BLOCKED))
                .body("detail", allOf(containsString("DAILY_LOSS"), containsString("BLOCK")));
        assertThat(new JsonObject(dev.client().poll(0).body()).getJsonArray("commands"))
                .isEmpty();

        // cleared: only the WARN is left, which blocks nothing, and the next signal is auto-approved
        String clear = UUID.randomUUID().toString();
        send(guardEvent(clear, "GuardCleared", cleared(user, dev, "DAILY_LOSS")));
        applied(clear);
        UUID next = UUID.randomUUID();
        send(signalEvent(
                UUID.randomUUID().toString(), next, strategy, Instant.now().plusSeconds(600)));
        EaClient.Reply r = dev.client().poll(20_000);
        JsonArray cmds = new JsonObject(r.body()).getJsonArray("commands");
        assertThat(cmds).hasSize(1);
        assertThat(cmds.getJsonObject(0).getString("type")).isEqualTo("OPEN");
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=APPROVED")
                .then()
                .body("findAll { it.signalId == '" + next + "' }", hasSize(1))
                .body("findAll { it.signalId == '" + held + "' }", empty());
    }

    @Test
    void aCloseRequestQueuesOneCloseOfItsTicketWhoseFillIsPublishedAsAClose() throws Exception {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        EaClient ea = dev.client();
        long ticket = 4_200_000L + (System.nanoTime() % 100_000);
        String unknown = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String firstRequest = UUID.randomUUID().toString();
        String secondRequest = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        send(
                // a device nobody registered here: recorded, nothing queued
                guardEvent(unknown, "PositionCloseRequested", closeRequested(user, stranger, ticket)),
                // no ticket: can never be applied
                guardEvent(
                        poison,
                        "PositionCloseRequested",
                        closeRequested(user, dev.id(), ticket).put("ticket", 0)),
                // the trader asks twice before the EA collects it: one CLOSE
                guardEvent(firstRequest, "PositionCloseRequested", closeRequested(user, dev.id(), ticket)),
                guardEvent(secondRequest, "PositionCloseRequested", closeRequested(user, dev.id(), ticket)));
        applied(unknown);
        applied(secondRequest);
        assertThat(count("SELECT count(*) FROM approval.commands WHERE device_id = '" + stranger + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + poison + "'"))
                .isZero();
        List<ConsumerRecord<String, String>> dead =
                TestTopics.read("dlq.approval-service.guards.v1", x -> x.value().contains(dev.id()), 1, Duration.ZERO);
        assertThat(dead).hasSize(1);
        assertThat(commands(dev, "CLOSE")).isEqualTo(1);

        JsonArray delivered = new JsonObject(ea.poll(0).body()).getJsonArray("commands");
        assertThat(delivered).hasSize(1);
        JsonObject cmd = delivered.getJsonObject(0);
        assertThat(cmd.getString("type")).isEqualTo("CLOSE");
        assertThat(cmd.getLong("ticket")).isEqualTo(ticket);
        assertThat(cmd.containsKey("expiresAt")).isFalse();
        String commandId = cmd.getString("commandId");

        // a CLOSE still reports its fill
        EaClient.Reply incomplete = ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\"}");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(new JsonObject(incomplete.body()).getString("type"))
                .isEqualTo("https://signaldesk.io/problems/fill-incomplete");
        // the fill of another ticket is not this command's (review of issue 9: it booked the wrong ticket closed)
        EaClient.Reply other = ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\",\"ticket\":"
                + (ticket + 1) + ",\"price\":\"1.08651\",\"volume\":\"0.10\"}");
        assertThat(other.status()).isEqualTo(422);
        assertThat(new JsonObject(other.body()).getString("type"))
                .isEqualTo("https://signaldesk.io/problems/ack-ticket-mismatch");
        EaClient.Reply ack = ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\",\"ticket\":" + ticket
                + ",\"price\":\"1.08651\",\"volume\":\"0.10\",\"executedAt\":\"" + Instant.now() + "\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        List<ConsumerRecord<String, String>> fills =
                TestTopics.read("fills.v1", x -> x.value().contains(commandId), 1, Duration.ofSeconds(2));
        assertThat(fills).hasSize(1);
        JsonObject fill = new JsonObject(fills.get(0).value());
        assertThat(fill.getString("action")).isEqualTo("CLOSE");
        assertThat(fill.getLong("ticket")).isEqualTo(ticket);
        assertThat(fill.getString("deviceId")).isEqualTo(dev.id());
        assertThat(fill.getValue("price").toString()).isEqualTo("1.08651");

        // once it is done, the same ticket may be asked for again
        String later = UUID.randomUUID().toString();
        send(guardEvent(later, "PositionCloseRequested", closeRequested(user, dev.id(), ticket)));
        applied(later);
        assertThat(commands(dev, "CLOSE")).isEqualTo(2);
        given().auth().oauth2(token(user)).get("/api/v1/devices").then().body("[0].guards", empty());
    }

    /**
     * Review of issue 9: an approved OPEN the EA has not acknowledged must not reach the terminal
     * once a guard blocks the account (it would open a position after the block, or after the
     * CLOSE_ALL); its history says why.
     */
    @Test
    void aBlockWithdrawsApprovedOpenCommandsNotYetExecuted() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, "");
        UUID signal = UUID.randomUUID();
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        String approval = TradePipelineTest.pendingApproval(user, signal);
        approve(user, approval, 200);
        assertThat(commands(dev, "OPEN")).isEqualTo(1);

        String eventId = UUID.randomUUID().toString();
        send(guardEvent(eventId, "GuardTriggered", triggered(user, dev, "DRAWDOWN", "BLOCK")));
        applied(eventId);

        EaClient.Reply polled = dev.client().poll(0);
        assertThat(new JsonObject(polled.body()).getJsonArray("commands")).isEmpty();
        assertThat(count("SELECT count(*) FROM approval.commands WHERE device_id = '" + dev.id()
                        + "' AND type = 'OPEN' AND status = 'EXPIRED'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .statusCode(200)
                .body(
                        "[-1].reason",
                        org.hamcrest.Matchers.startsWith(
                                "not executed: the account was blocked by its DRAWDOWN guard"));
    }

    /** Review of issue 9: a terminal clock ahead of ours, or a ticket twice, must not reach reconciliation. */
    @Test
    void aSnapshotFromTheFutureOrWithATicketTwiceIsRefusedAndNothingIsPublished() {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        EaClient ea = dev.client();
        String future = "{\"balance\":\"100\",\"equity\":\"100\",\"currency\":\"USD\",\"takenAt\":\""
                + Instant.now().plusSeconds(3600) + "\",\"positions\":[]}";
        EaClient.Reply r = ea.snapshot(future);
        assertThat(r.status()).isEqualTo(422);
        assertThat(new JsonObject(r.body()).getString("type"))
                .isEqualTo("https://signaldesk.io/problems/time-in-future");
        String position =
                "{\"ticket\":7,\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"volume\":\"0.10\",\"openPrice\":\"1.1\"}";
        EaClient.Reply twice =
                ea.snapshot("{\"balance\":\"100\",\"equity\":\"100\",\"currency\":\"USD\",\"positions\":[" + position
                        + "," + position + "]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(new JsonObject(twice.body())
                        .getJsonArray("violations")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("positions[1].ticket");
        assertThat(count("SELECT count(*) FROM approval.outbox WHERE event_type = 'io.signaldesk.AccountSnapshot' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + dev.id() + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM approval.account_state WHERE device_id = '" + dev.id() + "'"))
                .isZero();
    }
}
