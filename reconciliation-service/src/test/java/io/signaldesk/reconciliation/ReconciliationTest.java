package io.signaldesk.reconciliation;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.reconciliation.ReconciliationFixture.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.signaldesk.reconciliation.ReconciliationFixture.Terminal;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** fills.v1 and account-snapshots.v1 through the real broker, reconciled in the real database, read through Redis. */
@QuarkusTest
@TestProfile(ReconciliationFixture.RedisBehindProxy.class)
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class ReconciliationTest {
    static final String PROBLEM = "application/problem+json";

    static Instant t(int secondsAgo) {
        return Instant.now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MILLIS);
    }

    static JsonPath status(Terminal term) {
        return given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void fillsAndASnapshotThatMatchesThemAreInSync() throws Exception {
        Terminal term = Terminal.create();
        term.fill("OPEN", 1001, "0.10", "1.08400", t(60));
        term.snapshot("10000.00", "10012.50", t(30), position(1001, "0.10", "1.08400", "12.50"));

        JsonPath s = status(term);
        assertThat(s.getList("deviceId")).containsExactly(term.device().toString());
        assertThat(s.getBoolean("[0].inSync")).isTrue();
        assertThat(s.getList("[0].openDivergences")).isEmpty();
        assertThat(s.getLong("[0].snapshotAgeSeconds")).isBetween(29L, 60L);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].positions.ticket", containsInAnyOrder(1001))
                .body("[0].positions[0].ours", equalTo(true))
                .body("[0].unrealisedPnl", equalTo("12.5"));
        assertThat(count(
                        "SELECT count(*) FROM reconciliation.reconciliation_log WHERE user_id = '" + term.user() + "'"))
                .isZero();
    }

    @Test
    void aManualPositionAndAMissingOneAreDivergencesAndAdoptAndCloseResolveThem() throws Exception {
        Terminal term = Terminal.create();
        term.fill("OPEN", 2001, "0.10", "1.08400", t(120));
        term.fill("OPEN", 2002, "0.20", "1.08500", t(110));
        term.snapshot(
                "10000",
                "10000",
                t(100),
                position(2001, "0.10", "1.08400", "0"),
                position(9001, "0.50", "1.07000", "-3"),
                position(9002, "0.30", "1.07100", "-2"));

        JsonPath s = status(term);
        assertThat(s.getBoolean("[0].inSync")).isFalse();
        assertThat(s.<String>getList("[0].openDivergences.type"))
                .containsExactlyInAnyOrder("MISSING_AT_BROKER", "UNEXPECTED_AT_BROKER", "UNEXPECTED_AT_BROKER");
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?type=MISSING_AT_BROKER")
                .then()
                .statusCode(200)
                .body("ticket", equalTo(List.of(2002)))
                .body("event", equalTo(List.of("DETECTED")));
        assertThat(count("SELECT count(*) FROM reconciliation.reconciliation_log WHERE user_id = '" + term.user()
                        + "' AND event = 'DETECTED'"))
                .isEqualTo(3);
        // each new divergence is announced once for the trader's alerts
        assertThat(count(
                        "SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.DivergenceDetected' "
                                + "AND payload::jsonb ->> 'deviceId' = '" + term.device() + "'"))
                .isEqualTo(3);
        String manual1 = divergenceOf(s, "UNEXPECTED_AT_BROKER", 9001);
        String manual2 = divergenceOf(s, "UNEXPECTED_AT_BROKER", 9002);

        // the same picture again is no news: nothing detected twice
        term.snapshot(
                "10000",
                "10000",
                t(90),
                position(2001, "0.10", "1.08400", "0"),
                position(9001, "0.50", "1.07000", "-3"),
                position(9002, "0.30", "1.07100", "-2"));
        assertThat(count("SELECT count(*) FROM reconciliation.reconciliation_log WHERE user_id = '" + term.user()
                        + "' AND event = 'DETECTED'"))
                .isEqualTo(3);

        // adopt 9001: it is ours from now on
        given().auth()
                .oauth2(term.token())
                .post("/api/v1/reconciliation/divergences/" + manual1 + "/adopt")
                .then()
                .statusCode(200)
                .body("resolution", equalTo("ADOPTED"));
        // close 9002: approval-service is asked (once) to queue a CLOSE for the ticket
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(term.token())
                    .post("/api/v1/reconciliation/divergences/" + manual2 + "/close")
                    .then()
                    .statusCode(202)
                    .body("closeRequestedAt", org.hamcrest.Matchers.notNullValue());
        }
        assertThat(count(
                        "SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.PositionCloseRequested' "
                                + "AND payload::jsonb ->> 'deviceId' = '" + term.device()
                                + "' AND payload::jsonb ->> 'ticket' = '9002'"))
                .isEqualTo(1);
        // a missing position's close fill arrives late (executed before the newest snapshot): it was closed, not lost
        term.fill("CLOSE", 2002, "0.20", "1.08600", t(95));
        // the broker closed 9002; 9001 is still there and now ours
        term.snapshot(
                "10001",
                "10001",
                t(80),
                position(2001, "0.10", "1.08400", "1"),
                position(9001, "0.50", "1.07000", "-1"));

        JsonPath after = status(term);
        assertThat(after.getBoolean("[0].inSync")).isTrue();
        assertThat(after.getList("[0].openDivergences")).isEmpty();
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?type=UNEXPECTED_AT_BROKER")
                .then()
                .statusCode(200)
                .body("event", containsInAnyOrder("DETECTED", "DETECTED", "ADOPTED", "CLOSE_REQUESTED", "RESOLVED"));
        assertThat(count("SELECT count(*) FROM reconciliation.divergences WHERE id = '" + manual2
                        + "' AND resolution = 'CLOSED'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reconciliation.divergences WHERE user_id = '" + term.user()
                        + "' AND type = 'MISSING_AT_BROKER' AND resolution = 'RECONCILED'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].positions.ticket", containsInAnyOrder(2001, 9001))
                .body("[0].positions.ours", containsInAnyOrder(true, true));

        // another trader cannot touch them; a resolved one cannot be decided again
        Terminal other = Terminal.create();
        given().auth()
                .oauth2(other.token())
                .post("/api/v1/reconciliation/divergences/" + manual2 + "/adopt")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(term.token())
                .post("/api/v1/reconciliation/divergences/" + manual1 + "/close")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/divergence-resolved"));
        given().auth()
                .oauth2(term.token())
                .post("/api/v1/reconciliation/divergences/not-an-id/close")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void volumeAndPriceMismatchesAreReportedAndAnOlderSnapshotIsIgnored() throws Exception {
        Terminal term = Terminal.create();
        term.fill("OPEN", 3001, "0.30", "1.10000", t(100));
        term.snapshot("5000", "5100", t(50), position(3001, "0.20", "1.20000", "0"));
        assertThat(status(term).<String>getList("[0].openDivergences.type"))
                .containsExactlyInAnyOrder("VOLUME_MISMATCH", "PRICE_MISMATCH");
        // taken before the one applied: arrives late, changes nothing
        term.snapshot("1", "1", t(70), position(3001, "0.30", "1.10000", "0"));
        assertThat(status(term).<String>getList("[0].openDivergences.type"))
                .containsExactlyInAnyOrder("VOLUME_MISMATCH", "PRICE_MISMATCH");
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].equity", equalTo("5100"));
        // a partial close leaves 0.20, which the broker reports; a price within tolerance is no mismatch
        term.fill("CLOSE", 3001, "0.10", "1.10500", t(40));
        term.snapshot("5000", "5100", t(30), position(3001, "0.20", "1.10050", "0"));
        assertThat(status(term).getList("[0].openDivergences")).isEmpty();
    }

    @Test
    void theLogPagesAndRefusesBadFilters() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot(
                "100",
                "100",
                t(20),
                position(4001, "0.01", "1", "0"),
                position(4002, "0.01", "1", "0"),
                position(4003, "0.01", "1", "0"));
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?size=2")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?size=2&page=1")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?since=" + Instant.now().plusSeconds(60))
                .then()
                .statusCode(200)
                .body("$", empty());
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?type=LOST")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?since=yesterday")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/reconciliation/log?size=1000")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().get("/api/v1/reconciliation/status").then().statusCode(401);
    }

    @Test
    void guardsEscalateThroughWarnBlockAndCloseAllOnceEachAndCloseAllClosesWithoutDivergences() throws Exception {
        Terminal term = Terminal.create();
        term.fill("OPEN", 5001, "1.00", "1.08000", t(300));
        term.snapshot("10000", "10000", t(290), position(5001, "1.00", "1.08000", "0"));
        String config = "{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"Europe/London\","
                + "\"drawdownPercent\":{\"warn\":\"5\",\"block\":\"10\",\"close\":\"20\"}}";
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body(config)
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200)
                .body("drawdownPercent.block", equalTo("10"));

        term.snapshot("10000", "9400", t(280), position(5001, "1.00", "1.08000", "-600"));
        assertThat(stages(term)).containsExactly("WARN");
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(false))
                .body("[0].drawdownPercentNow", equalTo("6"));
        term.snapshot("10000", "8900", t(270), position(5001, "1.00", "1.08000", "-1100"));
        assertThat(stages(term)).containsExactly("WARN", "BLOCK");
        term.snapshot("10000", "7900", t(260), position(5001, "1.00", "1.08000", "-2100"));
        term.snapshot("10000", "7800", t(250), position(5001, "1.00", "1.08000", "-2200"));
        assertThat(stages(term)).as("each stage published once").containsExactly("WARN", "BLOCK", "CLOSE_ALL");
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(true))
                .body("[0].stages[0].stage", equalTo("CLOSE_ALL"));

        // the EA closed everything: the position is gone, and that is no divergence
        term.snapshot("7800", "7800", t(240));
        JsonPath s = status(term);
        assertThat(s.getList("[0].openDivergences")).isEmpty();
        assertThat(s.getBoolean("[0].inSync")).isTrue();
        assertThat(count("SELECT count(*) FROM reconciliation.position_fills WHERE device_id = '" + term.device()
                        + "' AND source = 'CLOSE_ALL'"))
                .isEqualTo(1);

        // the trader clears the drawdown guard (audited); approval-service is told
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"kind\":\"DRAWDOWN\"}")
                .post("/api/v1/guards/clear")
                .then()
                .statusCode(200)
                .body("blocked", equalTo(false))
                .body("stages", empty());
        assertThat(count("SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardCleared' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device()
                        + "' AND payload::jsonb ->> 'clearedBy' = 'user:"
                        + term.user() + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reconciliation.guard_events WHERE device_id = '" + term.device()
                        + "' AND event = 'CLEARED' AND actor = 'user:" + term.user() + "'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"kind\":\"DRAWDOWN\"}")
                .post("/api/v1/guards/clear")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void theDailyLossGuardBlocksAndClearsItselfAtTheDaysReset() throws Exception {
        Terminal term = Terminal.create();
        // two days ago at 10:00 UTC, so "the next day" is in the past at any time of today (a next day
        // of today 10:00 would be a snapshot from the future before 10:00 UTC, and ignored)
        Instant yesterday = Instant.now()
                .minus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(10, ChronoUnit.HOURS);
        term.snapshot("1000", "1000", yesterday);
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\",\"dailyLoss\":{\"block\":\"50\"}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200);
        term.snapshot("1000", "940", yesterday.plusSeconds(60));
        assertThat(stages(term)).containsExactly("BLOCK");
        term.snapshot("940", "940", yesterday.plus(1, ChronoUnit.DAYS));
        assertThat(count("SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardCleared' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device()
                        + "' AND payload::jsonb ->> 'clearedBy' = 'system'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(false))
                .body("[0].dailyLossNow", equalTo("0"));
    }

    @Test
    void guardConfigIsValidatedAndOnlyTheOwnerMaySetIt() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot("100", "100", t(10));
        String url = "/api/v1/guards/config";
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"Mars/Olympus\","
                        + "\"drawdownPercent\":{\"warn\":\"10\",\"block\":\"5\",\"close\":\"120\"}}")
                .put(url)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "violations.field",
                        containsInAnyOrder("timeZone", "drawdownPercent.block", "drawdownPercent.close"));
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"x\"}")
                .put(url)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("[]")
                .put(url)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(Terminal.create().token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\"}")
                .put(url)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM reconciliation.guard_configs WHERE device_id = '" + term.device() + "'"))
                .isZero();
        given().auth()
                .oauth2(term.token())
                .get(url + "?deviceId=" + term.device())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(term.token())
                .get(url + "?deviceId=" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    /**
     * Must show 3: after one warm-up, 1,000 reads of status load from Postgres at most a handful of
     * times, the hit counter shows it, a new snapshot invalidates at once; with Redis taken away the
     * answers still come, right, from Postgres, and once it is back no stale entry is served.
     */
    @Test
    void statusIsServedFromRedisInvalidatedByEventsAndRightWithoutRedis() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot("2000", "2000", t(60), position(6001, "0.10", "1.1", "0"));
        assertThat(status(term).getBoolean("[0].inSync")).isFalse(); // warm-up (and 6001 is not ours)
        double loadsBefore = cacheCount("status", "miss");
        double hitsBefore = cacheCount("status", "hit");
        for (int i = 0; i < 1000; i++) {
            given().auth()
                    .oauth2(term.token())
                    .get("/api/v1/reconciliation/status")
                    .then()
                    .statusCode(200);
        }
        assertThat(cacheCount("status", "miss") - loadsBefore)
                .as("loads from Postgres for 1,000 reads")
                .isLessThanOrEqualTo(3);
        assertThat(cacheCount("status", "hit") - hitsBefore).isGreaterThanOrEqualTo(997);

        // a change is visible on the next read, not after a TTL
        String orphan = divergenceOf(status(term), "UNEXPECTED_AT_BROKER", 6001);
        given().auth()
                .oauth2(term.token())
                .post("/api/v1/reconciliation/divergences/" + orphan + "/adopt")
                .then()
                .statusCode(200);
        assertThat(status(term).getBoolean("[0].inSync")).isTrue();
        term.snapshot("2000", "1990", t(50), position(6001, "0.10", "1.1", "-10"), position(6002, "0.10", "1.1", "0"));
        assertThat(status(term).getBoolean("[0].inSync")).isFalse();

        ReconciliationFixture.REDIS.cut();
        try {
            // without Redis: answers from Postgres, right, never a 500, also for changes made meanwhile
            assertThat(status(term).<String>getList("[0].openDivergences.type"))
                    .containsExactly("UNEXPECTED_AT_BROKER");
            term.snapshot("2000", "1980", t(40), position(6001, "0.10", "1.1", "-20"));
            assertThat(status(term).getBoolean("[0].inSync")).isTrue();
            given().auth()
                    .oauth2(term.token())
                    .get("/api/v1/positions/open")
                    .then()
                    .statusCode(200)
                    .body("[0].equity", equalTo("1980"));
            given().auth()
                    .oauth2(term.token())
                    .get("/api/v1/guards/status")
                    .then()
                    .statusCode(200);
            assertThat(cacheCount("status", "bypass")).isPositive();
        } finally {
            ReconciliationFixture.REDIS.restore();
        }
        // back: the change made while Redis was away is what is served, then from Redis again
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> {
                    double hits = cacheCount("status", "hit");
                    boolean right = status(term).getBoolean("[0].inSync");
                    return right && status(term).getBoolean("[0].inSync") && cacheCount("status", "hit") > hits;
                });
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].equity", equalTo("1980"));
    }

    /** Concurrent snapshots and reads: once the writes settle, the cached answer is the newest. */
    @Test
    void concurrentSnapshotsAndReadsLeaveNoStaleEntry() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot("1000", "1000", t(200));
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        for (int r = 0; r < 4; r++) {
            readers.submit(() -> {
                while (writing.get()) {
                    int code = given().auth()
                            .oauth2(term.token())
                            .get("/api/v1/positions/open")
                            .statusCode();
                    if (code != 200) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        try {
            for (int i = 1; i <= 20; i++) {
                term.snapshot("1000", Integer.toString(1000 + i), t(200 - i));
            }
        } finally {
            writing.set(false);
            readers.shutdown();
            readers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(errors.get()).isZero();
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(term.token())
                    .get("/api/v1/positions/open")
                    .then()
                    .statusCode(200)
                    .body("[0].equity", equalTo("1020"));
        }
    }

    /**
     * Review of issue 9: a snapshot dated in the future would make every real one look older (and
     * reset the trading day); moving the time zone forward would end the day early and clear a
     * DAILY_LOSS block. Neither works.
     */
    @Test
    void aFutureSnapshotIsIgnoredAndAZoneChangeCannotEndTheDayEarly() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot("1000", "1000", t(120));
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\",\"dailyLoss\":{\"block\":\"50\"}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200);
        term.snapshot("1000", "900", t(110));
        assertThat(stages(term)).containsExactly("BLOCK");

        term.snapshot("1000", "5000", Instant.now().plus(3650, ChronoUnit.DAYS));
        term.snapshot("1000", "890", t(100));
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].equity", equalTo("890"));

        // a zone 14 hours ahead is "tomorrow" already; the day that began still ends at UTC midnight
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device()
                        + "\",\"timeZone\":\"Pacific/Kiritimati\",\"dailyLoss\":{\"block\":\"50\"}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200);
        term.snapshot("1000", "880", t(90));
        assertThat(count("SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardCleared' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device() + "'"))
                .isZero();
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(true));
    }

    /** The stale-terminal guard: WARN, then BLOCK while no snapshot comes; the next snapshot clears it. */
    @Test
    void aSilentTerminalIsWarnedThenBlockedAndItsNextSnapshotClearsIt() throws Exception {
        Terminal term = Terminal.create();
        term.snapshot("1000", "1000", t(0));
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\","
                        + "\"staleTerminal\":{\"warnSeconds\":2,\"blockSeconds\":4}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200)
                .body("staleTerminal.blockSeconds", equalTo(4));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> stages(term).equals(List.of("WARN", "BLOCK")));
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(true))
                .body("[0].stages[0].kind", equalTo("STALE_TERMINAL"));
        Thread.sleep(1500); // more sweeps: no more events
        assertThat(stages(term)).containsExactly("WARN", "BLOCK");

        term.snapshot("1000", "1000", t(0));
        assertThat(count("SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardCleared' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device()
                        + "' AND payload::jsonb ->> 'guardKind' = 'STALE_TERMINAL'"))
                .isEqualTo(1);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/guards/status")
                .then()
                .statusCode(200)
                .body("[0].blocked", equalTo(false));
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\","
                        + "\"staleTerminal\":{\"warnSeconds\":10,\"blockSeconds\":5}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("staleTerminal.blockSeconds"));
    }

    /**
     * A terminal whose unchanged snapshots approval-service reports as seen instead of publishing them:
     * its stale guard clears and is not raised again while the reports come, the status shows when it
     * last reported, and a snapshot taken before a report still applies (reports are not snapshots).
     */
    @Test
    void aTerminalSeenRepeatingItsStateIsNotStaleAndAnEarlierSnapshotStillApplies() throws Exception {
        Terminal term = Terminal.create();
        Instant taken = t(0);
        term.snapshot("1000", "1000", taken);
        given().auth()
                .oauth2(term.token())
                .contentType(ContentType.JSON)
                .body("{\"deviceId\":\"" + term.device() + "\",\"timeZone\":\"UTC\","
                        + "\"staleTerminal\":{\"warnSeconds\":2,\"blockSeconds\":30}}")
                .put("/api/v1/guards/config")
                .then()
                .statusCode(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> stages(term).equals(List.of("WARN")));
        // someone else's report of the device changes nothing
        term.seen(UUID.randomUUID(), taken, t(0));
        assertThat(status(term).getString("[0].lastSnapshotAt")).isEqualTo(taken.toString());
        // nor does a report of a snapshot not applied here (its partition behind, or dead-lettered)
        term.seen(term.user(), taken.minusSeconds(1), t(0));
        assertThat(status(term).getString("[0].lastSnapshotAt")).isEqualTo(taken.toString());
        assertThat(stages(term)).containsExactly("WARN");

        Instant seen = t(0);
        term.seen(term.user(), taken, seen);
        assertThat(count("SELECT count(*) FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardCleared' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device()
                        + "' AND payload::jsonb ->> 'guardKind' = 'STALE_TERMINAL'"))
                .as("the terminal is back: its stale guard clears")
                .isEqualTo(1);
        JsonPath st = status(term);
        assertThat(st.getString("[0].lastSnapshotAt")).isEqualTo(seen.toString());
        assertThat(st.getLong("[0].snapshotAgeSeconds")).isLessThan(2L);
        // reports every second for 4 s (twice warnSeconds): never stale again
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1000);
            term.seen(term.user(), taken, t(0));
        }
        assertThat(stages(term)).containsExactly("WARN");
        // a snapshot taken between the first snapshot and the reports is still newer than the state held
        term.snapshot("990", "990", taken.plusMillis(1));
        assertThat(io.signaldesk.localstack.TestSql.text(
                        "SELECT equity::text FROM reconciliation.accounts WHERE device_id = '" + term.device() + "'"))
                .startsWith("990");
    }

    /**
     * Must show 5, the Kafka half: after an outage the events of an account arrive in a burst, fills
     * and snapshots interleaved on their two topics, some delivered twice. Every divergence is
     * reported once, the newest snapshot wins, and the end state is the one the events describe.
     */
    @Test
    void aBurstOfDelayedRedeliveredEventsIsAppliedOnceAndEndsRight() throws Exception {
        Terminal term = Terminal.create();
        List<Object[]> sent = new java.util.ArrayList<>();
        // what happened while Kafka was away: 10 trades opened over 10 snapshots, one manual position throughout
        for (int i = 0; i < 10; i++) {
            JsonObject fill =
                    ReconciliationFixture.fillEvent(term, "OPEN", 8000 + i, "0.10", "1.10000", t(300 - 20 * i));
            sent.add(new Object[] {"fills.v1", "FillReported", UUID.randomUUID().toString(), fill});
            List<JsonObject> ps = new java.util.ArrayList<>();
            for (int j = 0; j <= i; j++) {
                ps.add(position(8000 + j, "0.10", "1.10000", "0"));
            }
            ps.add(position(8999, "1.00", "1.20000", "0"));
            JsonObject snap = ReconciliationFixture.snapshotEvent(term, "10000", "10000", t(290 - 20 * i), ps);
            sent.add(new Object[] {
                "account-snapshots.v1", "AccountSnapshot", UUID.randomUUID().toString(), snap
            });
        }
        // the broker comes back: snapshots first (their topic caught up first), fills after, some twice
        for (Object[] e : sent) {
            if (e[0].equals("account-snapshots.v1")) {
                ReconciliationFixture.send((String) e[0], (String) e[1], (String) e[2], (JsonObject) e[3]);
            }
        }
        for (Object[] e : sent) {
            if (e[0].equals("fills.v1")) {
                ReconciliationFixture.send((String) e[0], (String) e[1], (String) e[2], (JsonObject) e[3]);
                ReconciliationFixture.send((String) e[0], (String) e[1], (String) e[2], (JsonObject) e[3]);
            }
        }
        String last = (String) sent.get(sent.size() - 1)[2];
        String lastFill = (String) sent.get(sent.size() - 2)[2];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM reconciliation.inbox WHERE event_id IN ('" + last + "', '"
                                + lastFill + "')")
                        == 2);

        JsonPath s = status(term);
        assertThat(s.<String>getList("[0].openDivergences.type")).containsExactly("UNEXPECTED_AT_BROKER");
        assertThat(s.<Integer>getList("[0].openDivergences.ticket")).containsExactly(8999);
        assertThat(count("SELECT count(*) FROM reconciliation.reconciliation_log WHERE device_id = '" + term.device()
                        + "' AND ticket = 8999 AND event = 'DETECTED'"))
                .as("the manual position reported once")
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM reconciliation.position_fills WHERE device_id = '" + term.device() + "'"))
                .as("each fill once")
                .isEqualTo(10);
        given().auth()
                .oauth2(term.token())
                .get("/api/v1/positions/open")
                .then()
                .statusCode(200)
                .body("[0].positions", hasSize(11))
                .body("[0].asOf", equalTo(((JsonObject) sent.get(sent.size() - 1)[3]).getString("takenAt")));
    }

    static List<String> stages(Terminal term) {
        String all =
                io.signaldesk.localstack.TestSql.text("SELECT string_agg(payload::jsonb ->> 'stage', ',' ORDER BY seq) "
                        + "FROM reconciliation.outbox WHERE event_type = 'io.signaldesk.GuardTriggered' "
                        + "AND payload::jsonb ->> 'deviceId' = '" + term.device() + "'");
        return all == null ? List.of() : List.of(all.split(","));
    }

    static String divergenceOf(JsonPath status, String type, long ticket) {
        List<java.util.Map<String, Object>> ds = status.getList("[0].openDivergences");
        return ds.stream()
                .filter(d -> type.equals(d.get("type")) && ((Number) d.get("ticket")).longValue() == ticket)
                .map(d -> (String) d.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + ticket + " in " + ds));
    }

    static double cacheCount(String cache, String result) {
        String metrics = given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("signaldesk_cache_requests_total{")
                        && l.contains("cache=\"" + cache + "\"")
                        && l.contains("result=\"" + result + "\""))
                // the value follows the labels; an exemplar may follow it
                .mapToDouble(l -> Double.parseDouble(
                        l.substring(l.indexOf('}') + 1).trim().split(" ")[0]))
                .sum();
    }
}
