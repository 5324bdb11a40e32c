package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.token;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.execute;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.approval.repository.CommandLeases;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.LocalPostgres;
import io.signaldesk.localstack.TestTopics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Signal -> approval -> EA command -> ack -> FillReported, on real Postgres, Redis and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class TradePipelineTest {
    @Inject
    CommandLeases leases;

    @Inject
    MeterRegistry metrics;

    @Inject
    io.signaldesk.approval.repository.LeaseHolder leaseHolder;

    static final String PROBLEM = "application/problem+json";

    static String pendingApproval(UUID user, UUID signal) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.approvals WHERE signal_id = '" + signal
                                + "' AND user_id = '" + user + "'")
                        == 1);
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
    void aDuplicatedSignalGivesOneApprovalThenApproveDeliversAnOpenCommandAndTheFillIsPublishedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        UUID signal = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, "");
        String eventId = UUID.randomUUID().toString();
        send(
                signalEvent(eventId, signal, strategy, Instant.now().plusSeconds(600)),
                signalEvent(eventId, signal, strategy, Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, signal);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + eventId + "'") == 1);

        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("volume", equalTo("0.1"))
                .body("signal.instrument", equalTo("EURUSD"));

        EaClient ea = dev.client();
        Instant before = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(ea.snapshot(snapshotBody("10000.00", before, "")).status()).isEqualTo(202);
        long timedBefore = signalToEa().count();
        // A long poll is waiting when the approval happens: it must come back with the command.
        CompletableFuture<EaClient.Reply> waiting = CompletableFuture.supplyAsync(() -> ea.poll(20_000));
        Thread.sleep(500);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        EaClient.Reply polled = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(polled.status()).isEqualTo(200);
        JsonArray commands = new JsonObject(polled.body()).getJsonArray("commands");
        assertThat(commands).hasSize(1);
        assertThat(signalToEa().count())
                .as("a trader's own approval is not the pipeline's latency: not timed against the signal")
                .isEqualTo(timedBefore);
        JsonObject cmd = commands.getJsonObject(0);
        assertThat(cmd.getString("type")).isEqualTo("OPEN");
        assertThat(cmd.getString("side")).isEqualTo("BUY");
        assertThat(cmd.getString("clientOrderId")).isEqualTo(cmd.getString("commandId"));
        assertThat(cmd.getString("volume")).isEqualTo("0.1");
        assertThat(cmd.getString("entry")).isEqualTo("1.084");

        String ack = "{\"commandId\":\"" + cmd.getString("commandId") + "\",\"status\":\"FILLED\",\"ticket\":50012345,"
                + "\"price\":\"1.08425\",\"volume\":\"0.10\",\"executedAt\":\"" + Instant.now() + "\"}";
        EaClient.Reply first = ea.ack(ack);
        EaClient.Reply second = ea.ack(ack);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(new JsonObject(second.body()).getBoolean("repeated")).isTrue();
        assertThat(new JsonObject(second.body()).getString("status")).isEqualTo("FILLED");

        // a contradicting ack is refused
        EaClient.Reply conflict = ea.ack(ack.replace("1.08425", "1.08500"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("ack-conflict");

        // the terminal's next snapshot looks as before the fill (the broker does not show the position):
        // published all the same, for reconciliation to see the divergence
        Instant after = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        assertThat(ea.snapshot(snapshotBody("10000.00", after, "")).status()).isEqualTo(202);
        // once one taken after the fill is published, the repeats are not
        assertThat(ea.snapshot(snapshotBody("10000.00", after.plusSeconds(1), ""))
                        .status())
                .isEqualTo(202);
        assertThat(publishedSnapshots(dev, 2)).containsExactly(before, after);

        List<ConsumerRecord<String, String>> fills = consume("fills.v1", 1);
        List<ConsumerRecord<String, String>> mine = fills.stream()
                .filter(r -> r.value().contains(cmd.getString("commandId")))
                .toList();
        assertThat(mine).hasSize(1);
        JsonObject fill = new JsonObject(mine.get(0).value());
        assertThat(fill.getLong("ticket")).isEqualTo(50012345L);
        assertThat(fill.getValue("price").toString()).isEqualTo("1.08425");
        assertThat(fill.getString("action")).isEqualTo("OPEN");

        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .statusCode(200)
                .body("execution.status", equalTo("FILLED"))
                .body("execution.ticket", equalTo(50012345))
                .body("execution.price", equalTo("1.08425"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].toStatus", equalTo("PENDING"))
                .body("[0].actor", equalTo("system"))
                .body("[1].toStatus", equalTo("APPROVED"))
                .body("[1].actor", equalTo("user:" + user));
    }

    static List<ConsumerRecord<String, String>> consume(String topic, int atLeast) {
        return TestTopics.read(
                topic, r -> true, atLeast, Duration.ofSeconds(2)); // a duplicate would arrive in the quiet window
    }

    @Test
    void decisionsAreRefusedAsTheyShouldBe() throws Exception {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        UUID signal = UUID.randomUUID();
        device(user);
        subscribe(user, strategy, "");
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, signal);

        // someone else's approval: not found, and nothing changes
        given().auth()
                .oauth2(token(other))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        // volume over the subscription's maximum
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"volume\":\"5.00\"}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/volume-above-max"));
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"volume\":\"abc\"}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM approval.commands WHERE approval_id = '" + approval + "'"))
                .isZero();

        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"too risky\"}")
                .post("/api/v1/approvals/" + approval + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        // deciding twice
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/approval-decided"));
        assertThat(count("SELECT count(*) FROM approval.commands WHERE approval_id = '" + approval + "'"))
                .isZero();
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body("[1].reason", equalTo("too risky"));
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=MAYBE")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void anApprovalExpiresByItselfAndCanThenNotBeApproved() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        UUID signal = UUID.randomUUID();
        device(user);
        subscribe(user, strategy, "");
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(3)));
        String approval = pendingApproval(user, signal);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().auth()
                        .oauth2(token(user))
                        .get("/api/v1/approvals/" + approval)
                        .then()
                        .body("status", equalTo("EXPIRED")));
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/approvals/" + approval + "/approve")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval + "/history")
                .then()
                .body("[1].toStatus", equalTo("EXPIRED"))
                .body("[1].actor", equalTo("system"));
    }

    @Test
    void manyConcurrentLongPollsAreWokenOrTimeOutCleanly() throws Exception {
        // Regression: a poll resumed on the waking request's context and failed with "Session closed".
        UUID strategy = PipelineFixture.strategy();
        List<PipelineFixture.Dev> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID user = UUID.randomUUID();
            PipelineFixture.Dev dev = device(user);
            subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
            devices.add(dev);
        }
        PipelineFixture.Dev idle = device(UUID.randomUUID()); // nobody sends it anything: its poll times out
        CompletableFuture<EaClient.Reply> idlePoll =
                CompletableFuture.supplyAsync(() -> idle.client().poll(1_500));
        List<CompletableFuture<EaClient.Reply>> polls = devices.stream()
                .map(d -> CompletableFuture.supplyAsync(() -> d.client().poll(20_000)))
                .toList();
        Thread.sleep(500);
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        for (CompletableFuture<EaClient.Reply> p : polls) {
            EaClient.Reply r = p.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(new JsonObject(r.body()).getJsonArray("commands")).hasSize(1);
        }
        EaClient.Reply timedOut = idlePoll.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(timedOut.status()).as(timedOut.body()).isEqualTo(200);
        assertThat(new JsonObject(timedOut.body()).getJsonArray("commands")).isEmpty();
    }

    @Test
    void autoApproveCreatesTheCommandWithoutTheTrader() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        UUID signal = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        long timedBefore = signalToEa().count();
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        EaClient.Reply r = dev.client().poll(20_000);
        assertThat(r.status()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonArray("commands")).hasSize(1);
        assertThat(signalToEa().count())
                .as("the signal -> EA SLO timer counts the auto-approved command's first hand-over")
                .isEqualTo(timedBefore + 1);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals?status=APPROVED")
                .then()
                .statusCode(200)
                .body("findAll { it.signalId == '" + signal + "' }", hasSize(1));
    }

    @Test
    void eachHopOfAnAutoApprovedSignalIsTimedOnceAndNotForItsDuplicate() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        List<String> hops = List.of("relay", "kafka", "fanout", "wake", "lease", "handover");
        List<Long> before = hops.stream().map(h -> hop(h).count()).toList();
        double duplicates = duplicates();
        CompletableFuture<EaClient.Reply> waiting =
                CompletableFuture.supplyAsync(() -> dev.client().poll(20_000));
        Thread.sleep(500); // the poll waits before the signal arrives: it is woken, not answered at once
        String eventId = UUID.randomUUID().toString();
        var event =
                signalEvent(eventId, UUID.randomUUID(), strategy, Instant.now().plusSeconds(600));
        send(event, event);
        EaClient.Reply r = waiting.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(new JsonObject(r.body()).getJsonArray("commands")).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() >= duplicates + 1);
        for (int i = 0; i < hops.size(); i++) {
            assertThat(hop(hops.get(i)).count())
                    .as("hop %s: timed once for the signal, not for its duplicate", hops.get(i))
                    .isEqualTo(before.get(i) + 1);
        }
        assertThat(hop("fanout").totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isPositive();
    }

    Timer hop(String name) {
        return metrics.get("signaldesk.signal.hop").tag("hop", name).timer();
    }

    double duplicates() {
        var c = metrics.find("signaldesk.events.consumed")
                .tags("consumer", "approval-service.signals", "outcome", "duplicate")
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void anUnackedCommandIsDeliveredAgainAfterItsLease() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        EaClient ea = dev.client();
        JsonObject first =
                new JsonObject(ea.poll(20_000).body()).getJsonArray("commands").getJsonObject(0);
        long timedOnce = signalToEa().count();
        assertThat(new JsonObject(ea.poll(0).body()).getJsonArray("commands"))
                .as("leased: not handed out twice")
                .isEmpty();
        Thread.sleep(2500); // lease is 2 s in tests
        JsonObject again =
                new JsonObject(ea.poll(0).body()).getJsonArray("commands").getJsonObject(0);
        assertThat(again.getString("commandId")).isEqualTo(first.getString("commandId"));
        assertThat(again.getInteger("deliveryCount")).isEqualTo(2);
        assertThat(signalToEa().count())
                .as("a redelivery is not timed again against its signal")
                .isEqualTo(timedOnce);
    }

    /**
     * A poll answer that died with its process (kill -9 of approval-service, a lost node) is delivered
     * again by the terminal's next poll as soon as the holder is seen gone, not when the lease runs out:
     * before, every such command waited its 30 s lease (40.9 s in the fault drill).
     */
    @Test
    void aCommandLeasedByAProcessThatIsGoneIsDueAgainAtOnceAndOneLeasedByALiveProcessIsNot() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        EaClient ea = dev.client();
        String id = new JsonObject(ea.poll(20_000).body())
                .getJsonArray("commands")
                .getJsonObject(0)
                .getString("commandId");
        // the answer reached the connection: its lease names no holder and is never taken over
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM approval.commands WHERE id = '" + id
                                + "' AND status = 'LEASED' AND leased_by IS NULL")
                        == 1);
        await().atMost(Duration.ofSeconds(20)).until(leaseHolder::mayTakeOver);
        double takenOverBefore =
                metrics.get("signaldesk.ea.commands.taken_over").counter().count();
        // leased by another live process, for an hour: only the holder's death can make it due now
        int other = 1 + new java.util.Random().nextInt(Integer.MAX_VALUE - 1);
        execute("INSERT INTO approval.lease_holders (id) VALUES (" + other + ")");
        execute("UPDATE approval.commands SET leased_by = " + other + ", lease_until = now() + interval '1 hour'"
                + " WHERE id = '" + id + "'");
        assertThat(new JsonObject(ea.poll(0).body()).getJsonArray("commands"))
                .as("held by a live process: not handed out twice")
                .isEmpty();

        execute("UPDATE approval.lease_holders SET seen_at = now() - interval '11 seconds' WHERE id = " + other);
        JsonObject again =
                new JsonObject(ea.poll(0).body()).getJsonArray("commands").getJsonObject(0);
        assertThat(again.getString("commandId")).isEqualTo(id);
        assertThat(again.getInteger("deliveryCount")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .alias("leased anew, answered, so held by the terminal")
                .until(() -> count("SELECT count(*) FROM approval.commands WHERE id = '" + id
                                + "' AND leased_by IS NULL AND lease_until < now() + interval '1 minute'")
                        == 1);

        // a holder without a row at all (it stopped and deregistered)
        execute("DELETE FROM approval.lease_holders WHERE id = " + other);
        execute("UPDATE approval.commands SET leased_by = " + other + ", lease_until = now() + interval '1 hour'"
                + " WHERE id = '" + id + "'");
        assertThat(new JsonObject(ea.poll(0).body())
                        .getJsonArray("commands")
                        .getJsonObject(0)
                        .getInteger("deliveryCount"))
                .isEqualTo(3);
        assertThat(metrics.get("signaldesk.ea.commands.taken_over").counter().count() - takenOverBefore)
                .isEqualTo(2.0);

        // its own leases a process never takes over, even when its row looks old (a paused database)
        execute("UPDATE approval.lease_holders SET seen_at = now() - interval '1 hour' WHERE id = " + leaseHolder.id());
        execute("UPDATE approval.commands SET leased_by = " + leaseHolder.id()
                + ", lease_until = now() + interval '1 hour'" + " WHERE id = '" + id + "'");
        assertThat(new JsonObject(ea.poll(0).body()).getJsonArray("commands"))
                .as("this process' own lease")
                .isEmpty();

        // this process keeps its own row fresh
        String seen = text("SELECT seen_at::text FROM approval.lease_holders WHERE id = " + leaseHolder.id());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !seen.equals(
                        text("SELECT seen_at::text FROM approval.lease_holders WHERE id = " + leaseHolder.id())));
    }

    /**
     * A process whose own heartbeat is late (here: its row locked, so the heartbeat hangs) may soon look
     * gone to the others: the leases it takes meanwhile name no holder, and it takes nobody's leases over.
     * Once its heartbeat lands again it names itself again, but takes over only after a whole timeout of
     * landed heartbeats (after a database pause every other live process' row looks stale too).
     */
    @Test
    void aProcessWhoseHeartbeatIsLateNamesNoHolderAndTakesNothingOverUntilHealthyAgain() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(leaseHolder::mayTakeOver);
        int me = leaseHolder.id();
        try (java.sql.Connection lock = java.sql.DriverManager.getConnection(
                        LocalInfraTestResource.current.get("quarkus.datasource.jdbc.url"), LocalPostgres.USER, "");
                java.sql.Statement st = lock.createStatement()) {
            lock.setAutoCommit(false);
            st.executeQuery("SELECT 1 FROM approval.lease_holders WHERE id = " + me + " FOR UPDATE");
            await().atMost(Duration.ofSeconds(15)).until(() -> leaseHolder.holderForNewLeases() == 0);
            assertThat(leaseHolder.mayTakeOver()).as("late: takes nothing over").isFalse();
            assertThat(leaseHolder.id()).as("still registered").isEqualTo(me);
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> leaseHolder.holderForNewLeases() == me);
        assertThat(leaseHolder.mayTakeOver())
                .as("healthy again only a whole timeout after the gap")
                .isFalse();
        await().atMost(Duration.ofSeconds(20)).until(leaseHolder::mayTakeOver);
    }

    @Test
    void concurrentLeasesOfOneTerminalShareItsDueCommandsEachOnceAndARunOutLeaseIsTakenAgain() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        int signals = 6;
        for (int i = 0; i < signals; i++) {
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    UUID.randomUUID(),
                    strategy,
                    Instant.now().plusSeconds(600)));
        }
        String ofDevice = "FROM approval.commands WHERE device_id = '" + dev.id() + "'";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) " + ofDevice + " AND status = 'PENDING'") == signals);
        // a row another transaction holds (an ack, the expiry sweep) is skipped, not waited for
        String oldest = text("SELECT id::text " + ofDevice + " ORDER BY created_at LIMIT 1");
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(
                        LocalInfraTestResource.current.get("quarkus.datasource.jdbc.url"), LocalPostgres.USER, "");
                java.sql.Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.executeQuery("SELECT id FROM approval.commands WHERE id = '" + oldest + "' FOR UPDATE");
            List<Command> others = leases.leaseDue(UUID.fromString(dev.id()), Duration.ofSeconds(30), 2)
                    .await()
                    .atMost(Duration.ofSeconds(5));
            assertThat(others).hasSize(2).noneMatch(c -> c.id.toString().equals(oldest));
            holder.rollback();
        }
        execute("UPDATE approval.commands SET status = 'PENDING', lease_until = NULL, delivery_count = 0 "
                + ofDevice.substring("FROM approval.commands ".length()));
        // ten leases of one command each, all at once on their own connections: six get one, none the same
        List<CompletableFuture<List<Command>>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            racing.add(leases.leaseDue(UUID.fromString(dev.id()), Duration.ofSeconds(30), 1)
                    .subscribeAsCompletionStage());
        }
        List<UUID> leased = new ArrayList<>();
        for (CompletableFuture<List<Command>> r : racing) {
            leased.addAll(r.get(20, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .map(c -> c.id)
                    .toList());
        }
        assertThat(leased).as("every due command, none twice").hasSize(signals).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) " + ofDevice
                        + " AND status = 'LEASED' AND delivery_count = 1 AND lease_until > now() + interval '25 s'"))
                .as("leased for 30 s on the database's clock")
                .isEqualTo(signals);
        assertThat(new JsonObject(dev.client().poll(0).body()).getJsonArray("commands"))
                .as("all leased: nothing due")
                .isEmpty();

        execute("UPDATE approval.commands SET lease_until = now() - interval '1 second' WHERE device_id = '" + dev.id()
                + "'");
        List<String> oldestFirst = List.of(text("SELECT string_agg(id::text, ',' ORDER BY created_at) " + ofDevice)
                .split(","));
        var commands = new JsonObject(dev.client().poll(0).body()).getJsonArray("commands");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            JsonObject c = commands.getJsonObject(i);
            ids.add(c.getString("commandId"));
            assertThat(c.getInteger("deliveryCount"))
                    .as("run-out leases are taken again")
                    .isEqualTo(2);
            assertThat(c.getString("clientOrderId")).isEqualTo(c.getString("commandId"));
            assertThat(c.getString("type")).isEqualTo("OPEN");
            assertThat(c.getString("instrument")).isEqualTo("EURUSD");
            assertThat(c.getString("side")).isEqualTo("BUY");
            assertThat(new BigDecimal(c.getString("volume"))).isPositive();
            assertThat(new BigDecimal(c.getString("entry"))).isEqualByComparingTo("1.08400");
            assertThat(new BigDecimal(c.getString("stopLoss"))).isEqualByComparingTo("1.08100");
            assertThat(new BigDecimal(c.getString("takeProfit"))).isEqualByComparingTo("1.09000");
            assertThat(Instant.parse(c.getString("leaseUntil"))).isAfter(Instant.now());
            assertThat(Instant.parse(c.getString("expiresAt")))
                    .isAfter(Instant.now().plusSeconds(500));
        }
        assertThat(ids).as("oldest first").isEqualTo(oldestFirst);
    }

    Timer signalToEa() {
        return metrics.get("signaldesk.signal.to.ea").timer();
    }

    @Test
    void eaRequestsAreRefusedForBadSignaturesReplaysRevokedDevicesAndOthersCommands() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        PipelineFixture.Dev otherDev = device(UUID.randomUUID());
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        EaClient ea = dev.client();
        String commandId = new JsonObject(ea.poll(20_000).body())
                .getJsonArray("commands")
                .getJsonObject(0)
                .getString("commandId");
        String ack = "{\"commandId\":\"" + commandId
                + "\",\"status\":\"FILLED\",\"ticket\":7,\"price\":\"1.1\",\"volume\":\"0.10\"}";

        assertThat(new EaClient(
                                "http://127.0.0.1:" + io.restassured.RestAssured.port,
                                dev.id(),
                                "wrong-secret-wrong-secret")
                        .poll(0))
                .satisfies(r -> assertThat(r.status()).isEqualTo(401))
                .satisfies(r -> assertThat(r.body()).contains("signature-invalid"));
        assertThat(dev.client()
                        .withClock(() -> System.currentTimeMillis() - 60_000)
                        .poll(0))
                .satisfies(r -> assertThat(r.status()).isEqualTo(401))
                .satisfies(r -> assertThat(r.body()).contains("signature-stale"));
        String nonce = EaClient.newNonce();
        assertThat(ea.send("GET", "/api/v1/ea/poll?waitMs=0", "", nonce).status())
                .isEqualTo(200);
        assertThat(ea.send("GET", "/api/v1/ea/poll?waitMs=0", "", nonce))
                .satisfies(r -> assertThat(r.status()).isEqualTo(401))
                .satisfies(r -> assertThat(r.body()).contains("signature-replayed"));
        // another device cannot ack this device's command
        EaClient.Reply foreign = otherDev.client().ack(ack);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM approval.commands WHERE id = '" + commandId + "' AND acked_at IS NULL"))
                .isEqualTo(1);
        // malformed ack bodies
        assertThat(ea.ack("{not json").status()).isEqualTo(400);
        assertThat(ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"DONE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(ea.ack("{\"commandId\":\"" + commandId + "\",\"status\":\"FILLED\"}")
                        .status())
                .isEqualTo(422);
        assertThat(ea.poll(99_999).status()).isEqualTo(400);
        // revoked device
        given().auth()
                .oauth2(token(user))
                .delete("/api/v1/devices/" + dev.id())
                .then()
                .statusCode(204);
        assertThat(ea.ack(ack))
                .satisfies(r -> assertThat(r.status()).isEqualTo(401))
                .satisfies(r -> assertThat(r.body()).contains("device-revoked"));
        assertThat(count("SELECT count(*) FROM approval.outbox WHERE payload LIKE '%" + commandId + "%'"))
                .isZero();
    }

    @Test
    void rotationKeepsTheOldSecretForTheGracePeriod() {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        String newSecret = given().auth()
                .oauth2(token(user))
                .post("/api/v1/devices/" + dev.id() + "/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(newSecret).isNotEqualTo(dev.secret());
        assertThat(dev.client().poll(0).status()).isEqualTo(200);
        assertThat(new PipelineFixture.Dev(dev.id(), newSecret).client().poll(0).status())
                .isEqualTo(200);
        given().auth()
                .oauth2(token(UUID.randomUUID()))
                .post("/api/v1/devices/" + dev.id() + "/rotate")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("[0].secret", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aTerminalsFirstSnapshotsSentAtOnceAreAllTakenAndTheNewestStateWins() throws Exception {
        PipelineFixture.Dev dev = device(UUID.randomUUID());
        Instant base = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<CompletableFuture<EaClient.Reply>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"balance\":\"10000.00\",\"equity\":\"" + (10000 + i) + ".00\",\"currency\":\"USD\","
                    + "\"takenAt\":\"" + base.plusSeconds(i) + "\",\"positions\":[]}";
            sent.add(CompletableFuture.supplyAsync(() -> dev.client().snapshot(body)));
        }
        for (CompletableFuture<EaClient.Reply> r : sent) {
            EaClient.Reply reply = r.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        }
        assertThat(text("SELECT equity::text || ' ' || taken_at::text FROM approval.account_state WHERE device_id = '"
                        + dev.id() + "'"))
                .as("the newest snapshot's state, whichever arrived last")
                .startsWith("10005.0000 ");
        // an older snapshot arriving late is accepted but neither kept nor published
        assertThat(dev.client()
                        .snapshot("{\"balance\":\"1.00\",\"equity\":\"1.00\",\"currency\":\"USD\",\"takenAt\":\""
                                + base.minusSeconds(30) + "\",\"positions\":[]}")
                        .status())
                .isEqualTo(202);
        assertThat(text("SELECT equity::text FROM approval.account_state WHERE device_id = '" + dev.id() + "'"))
                .isEqualTo("10005.0000");
    }

    /** The account-snapshots.v1 records about the device: its AccountSnapshots' takenAt, in order. */
    private static List<Instant> publishedSnapshots(PipelineFixture.Dev dev, int atLeast) {
        return TestTopics.read(
                        "account-snapshots.v1",
                        r -> r.value().contains("\"snapshotId\"") && r.value().contains(dev.id()),
                        atLeast,
                        Duration.ofSeconds(2))
                .stream()
                .map(r -> Instant.parse(new JsonObject(r.value()).getString("takenAt")))
                .toList();
    }

    /** The device's entries in TerminalsSeen reports, in order: "snapshotTakenAt seenAt". */
    private static List<String> seenReports(PipelineFixture.Dev dev, int atLeast) {
        List<ConsumerRecord<String, String>> reports = TestTopics.read(
                "account-snapshots.v1",
                r -> r.value().contains("\"reportId\"") && r.value().contains(dev.id()),
                atLeast,
                Duration.ofMillis(1500));
        assertThat(reports).allSatisfy(r -> assertThat(r.key()).isEqualTo("terminals-seen"));
        return reports.stream()
                .flatMap(r -> new JsonObject(r.value()).getJsonArray("terminals").stream())
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("deviceId").equals(dev.id()))
                .map(t -> Instant.parse(t.getString("snapshotTakenAt")) + " " + Instant.parse(t.getString("seenAt")))
                .toList();
    }

    private static String snapshotBody(String equity, Instant takenAt, String positions) {
        return "{\"balance\":\"10000.00\",\"equity\":\"" + equity + "\",\"currency\":\"USD\",\"takenAt\":\"" + takenAt
                + "\",\"positions\":[" + positions + "]}";
    }

    @Test
    void aSnapshotRepeatingThePublishedOneIsNotPublishedAgainButReportedAsSeen() {
        PipelineFixture.Dev dev = device(UUID.randomUUID());
        Instant base = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String pos = "{\"ticket\":7,\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"volume\":\"0.10\","
                + "\"openPrice\":\"1.08\",\"profit\":\"2.50\"}";
        String samePosOtherSpelling = "{\"ticket\":7,\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"volume\":\"0.1\","
                + "\"openPrice\":\"1.0800\",\"profit\":\"2.5\"}";
        EaClient ea = dev.client();
        assertThat(ea.snapshot(snapshotBody("10002.50", base, pos)).status()).isEqualTo(202);
        // the same content, numbers spelt otherwise: stored, not published
        assertThat(ea.snapshot(snapshotBody("10002.5", base.plusSeconds(1), samePosOtherSpelling))
                        .status())
                .isEqualTo(202);
        assertThat(ea.snapshot(snapshotBody("10002.50", base.plusSeconds(2), pos))
                        .status())
                .isEqualTo(202);
        assertThat(text("SELECT taken_at = '" + base.plusSeconds(2)
                        + "' FROM approval.account_state WHERE device_id = '" + dev.id() + "'"))
                .as("the newest state is kept all the same")
                .isEqualTo("t");
        // the repeats reported as seen: the terminal is alive, in the state published at snapshotTakenAt
        String first = base + " " + base.plusSeconds(1);
        String second = base + " " + base.plusSeconds(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> seenReports(dev, 1).contains(second));
        List<String> seen = new ArrayList<>(seenReports(dev, 1));
        assertThat(seen)
                .as("the second repeat comes in the report of the first or in one of its own")
                .isIn(List.of(second), List.of(first, second));
        // a change is published at once
        assertThat(ea.snapshot(snapshotBody("10003.00", base.plusSeconds(3), pos))
                        .status())
                .isEqualTo(202);
        assertThat(ea.snapshot(snapshotBody("10003.00", base.plusSeconds(30), pos))
                        .status())
                .isEqualTo(202);
        String third = base.plusSeconds(3) + " " + base.plusSeconds(30);
        await().atMost(Duration.ofSeconds(10)).until(() -> seenReports(dev, 1).contains(third));
        seen.add(third);
        // unchanged for longer than approval.snapshots.refresh (60 s): published all the same
        assertThat(ea.snapshot(snapshotBody("10003.00", base.plusSeconds(64), pos))
                        .status())
                .isEqualTo(202);
        // older than the state kept: neither kept nor published
        assertThat(ea.snapshot(snapshotBody("9000.00", base.minusSeconds(5), pos))
                        .status())
                .isEqualTo(202);
        assertThat(publishedSnapshots(dev, 3)).containsExactly(base, base.plusSeconds(3), base.plusSeconds(64));
        // each repeat reported once; none after a publication made it moot
        assertThat(seenReports(dev, seen.size())).containsExactlyElementsOf(seen);
    }

    @Test
    void snapshotsArePublishedAndDriveRiskSizing() throws Exception {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        EaClient.Reply r = dev.client()
                .snapshot(
                        "{\"balance\":\"10000.00\",\"equity\":\"10000.00\",\"currency\":\"USD\","
                                + "\"positions\":[{\"ticket\":1,\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"volume\":\"0.10\",\"openPrice\":\"1.08\",\"profit\":\"12.50\"}]}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(dev.client().snapshot("{\"balance\":\"x\"}").status()).isEqualTo(400);
        assertThat(consume("account-snapshots.v1", 1).stream()
                        .filter(c -> c.value().contains(dev.id())))
                .hasSize(1);

        UUID strategy = PipelineFixture.strategy();
        UUID signal = UUID.randomUUID();
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + strategy
                        + "\",\"sizing\":\"RISK_PERCENT\",\"riskPercent\":\"1.00\",\"maxVolume\":\"2.00\"}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        String approval = pendingApproval(user, signal);
        // 1% of 10,000 = 100 USD over 0.00300 * 100,000 = 300 USD per lot -> 0.33 lots
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/approvals/" + approval)
                .then()
                .body("volume", equalTo("0.33"));
    }

    @Test
    void subscriptionsAndDevicesValidateTheirInput() {
        UUID user = UUID.randomUUID();
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body(
                        "{\"strategyId\":\"not-a-uuid\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.1\",\"maxVolume\":\"1\"}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + UUID.randomUUID() + "\",\"sizing\":\"FIXED\",\"maxVolume\":\"1\"}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + UUID.randomUUID()
                        + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.001\",\"maxVolume\":\"1\"}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"brokerAccount\":\"12 34\",\"brokerServer\":\"x\"}")
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }
}
