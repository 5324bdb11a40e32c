package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.entitle;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.strategy;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.subscriptionChanged;
import static io.signaldesk.approval.PipelineFixture.token;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Premium tiers from billing.v1 (real broker) limit devices and strategy subscriptions. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class EntitlementsTest {
    static final String PROBLEM = "application/problem+json";

    static Response registerDevice(UUID user, String account) {
        return given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"MT5\",\"brokerAccount\":\"" + account + "\",\"brokerServer\":\"Broker-Live 9\"}")
                .post("/api/v1/devices");
    }

    static Response follow(UUID user, UUID strategy) {
        return given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{\"strategyId\":\"" + strategy
                        + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.10\",\"maxVolume\":\"1.00\"}")
                .post("/api/v1/subscriptions");
    }

    static long activeDevices(UUID user) {
        return count("SELECT count(*) FROM approval.devices WHERE user_id = '" + user + "' AND revoked_at IS NULL");
    }

    static long activeSubscriptions(UUID user) {
        return count(
                "SELECT count(*) FROM approval.subscriptions WHERE user_id = '" + user + "' AND cancelled_at IS NULL");
    }

    @Test
    void aFreeUserGetsOneDeviceAndOneSubscriptionAndTheNextIsAPlanLimitProblem() throws Exception {
        UUID user = UUID.randomUUID();
        registerDevice(user, "1001").then().statusCode(201);
        registerDevice(user, "1002")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/plan-limit"))
                .body("detail", containsString("FREE plan allows 1 active device"))
                .body("detail", containsString("upgrade"));
        assertThat(activeDevices(user)).isEqualTo(1);

        UUID a = strategy();
        UUID b = strategy();
        follow(user, a).then().statusCode(201);
        follow(user, b)
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/plan-limit"))
                .body("detail", containsString("FREE plan allows 1 active strategy subscription"));
        assertThat(activeSubscriptions(user)).isEqualTo(1);
    }

    @Test
    void aSubscriptionChangedRaisesTheLimitsAndADowngradeKeepsEverythingButBlocksTheNext() throws Exception {
        UUID user = UUID.randomUUID();
        entitle(user, "PRO", 3, 10);
        for (int i = 0; i < 3; i++) {
            registerDevice(user, "200" + i).then().statusCode(201);
        }
        registerDevice(user, "2009")
                .then()
                .statusCode(403)
                .body("detail", containsString("PRO plan allows 3 active device"));
        UUID s1 = strategy();
        UUID s2 = strategy();
        UUID s3 = strategy();
        subscribe(user, s1, "");
        subscribe(user, s2, "");

        entitle(user, "FREE", 1, 1); // the subscription was deleted: back to FREE
        assertThat(activeDevices(user)).isEqualTo(3);
        assertThat(activeSubscriptions(user)).isEqualTo(2);
        registerDevice(user, "2010")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/plan-limit"))
                .body("detail", containsString("FREE plan allows 1 active device"));
        follow(user, s3).then().statusCode(403).body("type", equalTo("https://signaldesk.io/problems/plan-limit"));
        assertThat(activeDevices(user)).isEqualTo(3);
        assertThat(activeSubscriptions(user)).isEqualTo(2);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("size()", equalTo(3));
    }

    @Test
    void anOlderSubscriptionChangedArrivingLateDoesNotRegress() throws Exception {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        send(subscriptionChanged(user, "ELITE", 10, 50, now));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.user_entitlements WHERE user_id = '" + user
                                + "' AND tier = 'ELITE'")
                        == 1);
        UUID late = UUID.randomUUID();
        var older = subscriptionChanged(user, "FREE", 1, 1, now.minusSeconds(60));
        older.headers().remove("ce_id");
        older.headers().add("ce_id", late.toString().getBytes());
        send(older);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + late + "'") == 1);
        assertThat(text("SELECT tier || ' ' || max_devices || ' ' || max_subscriptions FROM approval.user_entitlements"
                        + " WHERE user_id = '" + user + "'"))
                .isEqualTo("ELITE 10 50");
        registerDevice(user, "3001").then().statusCode(201);
        registerDevice(user, "3002").then().statusCode(201);
    }

    @Test
    void changesInTheSameSecondAreOrderedByTheirVersionWhicheverArrivesFirst() throws Exception {
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID inOrder = UUID.randomUUID();
        send(subscriptionChanged(inOrder, "FREE", 1, 1, t, 1L), subscriptionChanged(inOrder, "PRO", 3, 10, t, 2L));
        UUID reversed = UUID.randomUUID();
        var late = subscriptionChanged(reversed, "FREE", 1, 1, t, 1L);
        String lateId = new String(late.headers().lastHeader("ce_id").value());
        send(subscriptionChanged(reversed, "PRO", 3, 10, t, 2L), late);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + lateId + "'") == 1);
        for (UUID user : List.of(inOrder, reversed)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(text("SELECT tier || ' ' || max_devices || ' ' || version"
                                    + " FROM approval.user_entitlements WHERE user_id = '" + user + "'"))
                            .isEqualTo("PRO 3 2"));
        }
    }

    @Test
    void concurrentRegistrationsAndSubscriptionsCannotPassTheLimit() throws Exception {
        UUID user = UUID.randomUUID();
        entitle(user, "PRO", 3, 2);
        List<Integer> devices = all(10, i -> registerDevice(user, "400" + i).statusCode());
        assertThat(devices).containsOnly(201, 403);
        assertThat(devices.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(activeDevices(user)).isEqualTo(3);

        List<UUID> strategies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            strategies.add(strategy());
        }
        List<Integer> subs = all(6, i -> follow(user, strategies.get(i)).statusCode());
        assertThat(subs).containsOnly(201, 403);
        assertThat(subs.stream().filter(s -> s == 201)).hasSize(2);
        assertThat(activeSubscriptions(user)).isEqualTo(2);
    }

    interface Indexed {
        int call(int i) throws Exception;
    }

    static List<Integer> all(int n, Indexed call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                calls.add(() -> call.call(k));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherBillingEventsAreIgnored() throws Exception {
        UUID user = UUID.randomUUID();
        device(user);
        var paid = subscriptionChanged(user, "PRO", 3, 10, Instant.now());
        paid.headers().remove("ce_type");
        paid.headers().add("ce_type", "io.signaldesk.PaymentSucceeded".getBytes());
        UUID id = UUID.randomUUID();
        paid.headers().remove("ce_id");
        paid.headers().add("ce_id", id.toString().getBytes());
        send(paid);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM approval.inbox WHERE event_id = '" + id + "'") == 1);
        assertThat(count("SELECT count(*) FROM approval.user_entitlements WHERE user_id = '" + user + "'"))
                .isZero();
    }
}
