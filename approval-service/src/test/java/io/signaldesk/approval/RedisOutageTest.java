package io.signaldesk.approval;

import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.approval.service.ApprovalStreams;
import io.signaldesk.approval.service.CommandWakeup;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.HangableProxy;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.signaldesk.localstack.TestInfra;
import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.platform.redis.RedisGuard;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis hangs mid-flow (every byte held, as a SIGSTOPped server): signed EA traffic goes on with its
 * replay protection intact (nonces are in Postgres), commands still reach the terminal (polls turn
 * short), nothing waits on Redis for more than the breaker's first timeouts, and the degraded mode is
 * on the metrics and in the readiness detail; when Redis answers again, the breaker closes.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.RedisBehindAProxy.class)
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class RedisOutageTest {
    static final HangableProxy REDIS = new HangableProxy(TestInfra.get().redis.port());

    public static class RedisBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port());
        }
    }

    @Inject
    RedisGuard guard;

    @Inject
    MeterRegistry metrics;

    @Inject
    CommandWakeup wakeup;

    @Inject
    ApprovalStreams streams;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    PlatformConfig platform;

    @AfterEach
    void redisBack() {
        REDIS.resume();
    }

    static String slug(EaClient.Reply r) {
        return new JsonObject(r.body()).getString("type").replace("https://signaldesk.io/problems/", "");
    }

    @Test
    void signedTrafficKeepsItsReplayProtectionAndCommandsStillArriveWhileRedisHangs() throws Exception {
        UUID user = UUID.randomUUID();
        UUID strategy = PipelineFixture.strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        EaClient ea = dev.client();
        String usedBeforeTheHang = EaClient.newNonce();
        String poll = "/api/v1/ea/poll?waitMs=0";
        assertThat(ea.send("GET", poll, "", usedBeforeTheHang).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(guard::available);

        REDIS.hang();
        await().atMost(Duration.ofSeconds(10)).until(() -> !guard.available());
        assertThat(metrics.get("signaldesk.redis.available").gauge().value()).isZero();
        given().get(ManagementPort.url() + "/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("degraded"));

        // a nonce burnt before the hang is still refused during it, and at once
        Instant t0 = Instant.now();
        EaClient.Reply replay = ea.send("GET", poll, "", usedBeforeTheHang);
        assertThat(replay.status()).as(replay.body()).isEqualTo(401);
        assertThat(slug(replay)).isEqualTo("signature-replayed");
        // a fresh signed request succeeds, and its own replay is refused
        String fresh = EaClient.newNonce();
        assertThat(ea.send("GET", poll, "", fresh).status()).isEqualTo(200);
        EaClient.Reply again = ea.send("GET", poll, "", fresh);
        assertThat(again.status()).isEqualTo(401);
        assertThat(slug(again)).isEqualTo("signature-replayed");
        assertThat(Duration.between(t0, Instant.now()))
                .as("three signed requests, none waiting on the hung Redis")
                .isLessThan(Duration.ofSeconds(2));

        // the console's approval changes (published after every fan-out's commit) do not wait on it
        t0 = Instant.now();
        streams.publish(List.of(
                        new ApprovalStreams.Change(user, UUID.randomUUID(), Approval.Status.APPROVED, null),
                        new ApprovalStreams.Change(user, UUID.randomUUID(), Approval.Status.APPROVED, null)))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertThat(Duration.between(t0, Instant.now()))
                .as("two approval changes published while Redis hangs")
                .isLessThan(Duration.ofMillis(500));

        // a long poll turns short: it answers after the degraded wait instead of the 20 s asked
        t0 = Instant.now();
        EaClient.Reply idle = ea.poll(20_000);
        assertThat(idle.status()).isEqualTo(200);
        assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(6));

        // a signal auto-approved during the hang reaches the terminal by those short polls
        send(signalEvent(
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                strategy,
                Instant.now().plusSeconds(600)));
        t0 = Instant.now();
        int delivered = 0;
        while (delivered == 0 && Duration.between(t0, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            EaClient.Reply r = ea.poll(20_000);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            delivered = new JsonObject(r.body()).getJsonArray("commands").size();
        }
        assertThat(delivered)
                .as("the auto-approved command, found without a wake-up")
                .isEqualTo(1);

        REDIS.resume();
        await().atMost(Duration.ofSeconds(10)).until(guard::available);
        assertThat(metrics.get("signaldesk.redis.available").gauge().value()).isEqualTo(1.0);
    }

    /**
     * Redis restarts (every connection dropped): the pub/sub subscription is gone with it and the
     * client does not subscribe again by itself; wake-ups published by another replica must reach
     * this one's waiting polls again once Redis is back.
     */
    @Test
    void wakeUpsFromOtherReplicasArriveAgainAfterRedisDropsEveryConnection() throws Exception {
        UUID user = UUID.randomUUID();
        PipelineFixture.Dev dev = device(user);
        EaClient ea = dev.client();
        await().atMost(Duration.ofSeconds(10)).until(wakeup::crossInstance);

        REDIS.dropConnections();
        // the subscription died with its connection: this replica knows it no longer hears the others
        await().atMost(Duration.ofSeconds(10)).until(() -> !wakeup.crossInstance());
        // the heartbeat notices the silence and subscribes again
        await().atMost(Duration.ofSeconds(20)).until(wakeup::crossInstance);

        // another replica's wake-up (published on Redis) ends this replica's 20 s poll at once
        CompletableFuture<EaClient.Reply> waiting = CompletableFuture.supplyAsync(() -> ea.poll(20_000));
        Thread.sleep(1_000);
        Instant published = Instant.now();
        redis.pubsub(String.class)
                .publish(platform.redis().keyPrefix() + "ea:wake:" + dev.id(), "1")
                .await()
                .atMost(Duration.ofSeconds(5));
        EaClient.Reply r = waiting.get(25, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.between(published, Instant.now()))
                .as("woken by the other replica's publish, not by the poll's own timeout")
                .isLessThan(Duration.ofSeconds(5));
    }
}
