package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The three cached status reads of reconciliation-service (status, open positions, guards) under an
 * open model: a constant arrival rate, each arrival one request by a random trader, so a slow server
 * cannot hide its tail by slowing the load down. The same rate goes first through the gateway, then
 * straight to reconciliation-service, in one run, so the gateway's share shows.
 *
 * <p>Against a running {@code ./run.sh} with raised rate limits (docs/performance.md). Before the
 * load, {@code users} traders get an account each: one AccountSnapshot per account on
 * account-snapshots.v1 (3 positions, one of them not ours), and an access token signed with the
 * local stack's development key. Settings (system properties): {@code users} (100), {@code rate}
 * requests/s (1000), {@code seconds} per phase (60), {@code gateway}, {@code direct}, {@code kafka},
 * {@code management} (reconciliation-service's management URL, for the cache's hit rate), {@code keys}.
 */
public class StatusReadsSimulation extends Simulation {
    static final int USERS = Integer.getInteger("users", 100);
    static final int RATE = Integer.getInteger("rate", 1000);
    static final int SECONDS = Integer.getInteger("seconds", 60);
    static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
    static final String DIRECT = System.getProperty("direct", "http://127.0.0.1:8083");
    static final String KAFKA = System.getProperty("kafka", "127.0.0.1:9092");
    static final String MANAGEMENT = System.getProperty("management", "http://127.0.0.1:9083");

    static final List<Map<String, Object>> TRADERS = seed();
    static volatile Map<String, Double> cacheBefore;

    /** One account per trader, its snapshot on the topic, and the trader's token. */
    static List<Map<String, Object>> seed() {
        try {
            PrivateKey key = Seeding.developmentKey(System.getProperty("keys"));
            List<Map<String, Object>> traders = new ArrayList<>();
            try (KafkaProducer<String, String> p = new KafkaProducer<>(
                    Map.of("bootstrap.servers", KAFKA, "acks", "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < USERS; i++) {
                    UUID user = UUID.randomUUID();
                    UUID device = UUID.randomUUID();
                    String account = Integer.toString(50_000_000 + i);
                    String positions = "[" + position(1000L + i, "0.10") + "," + position(2000L + i, "0.20") + ","
                            + position(3000L + i, "0.30") + "]";
                    String snapshot = "{\"snapshotId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + user
                            + "\",\"deviceId\":\"" + device + "\",\"accountId\":\"" + account
                            + "\",\"currency\":\"USD\",\"balance\":\"10000.00\",\"equity\":\"10025.50\",\"positions\":"
                            + positions + ",\"takenAt\":\"" + Instant.now() + "\"}";
                    ProducerRecord<String, String> r = new ProducerRecord<>("account-snapshots.v1", account, snapshot);
                    r.headers()
                            .add("ce_specversion", b("1.0"))
                            .add("ce_id", b(UUID.randomUUID().toString()))
                            .add("ce_type", b("io.signaldesk.AccountSnapshot"))
                            .add("ce_source", b("/signaldesk/load-tests"))
                            .add("content-type", b("application/json"));
                    p.send(r);
                    traders.add(Map.of("token", Seeding.token(key, user)));
                }
                p.flush();
            }
            Thread.sleep(5_000); // the snapshots are consumed
            return traders;
        } catch (Exception e) {
            throw new IllegalStateException("seeding the benchmark's accounts failed", e);
        }
    }

    static String position(long ticket, String volume) {
        return "{\"ticket\":" + ticket + ",\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"volume\":\"" + volume
                + "\",\"openPrice\":\"1.08400\",\"profit\":\"8.50\"}";
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The cache's request counters by cache and result, from reconciliation-service's metrics. */
    static Map<String, Double> cacheCounters() {
        try {
            String body = Seeding.scrape(MANAGEMENT);
            Map<String, Double> m = new java.util.TreeMap<>();
            body.lines()
                    .filter(l -> l.startsWith("signaldesk_cache_requests_total{"))
                    .forEach(l -> {
                        String result = l.replaceAll(".*result=\"([a-z]+)\".*", "$1");
                        double v = Double.parseDouble(
                                l.substring(l.indexOf('}') + 1).trim().split(" ")[0]);
                        m.merge(result, v, Double::sum);
                    });
            return m;
        } catch (Exception e) {
            return Map.of();
        }
    }

    static ChainBuilder reads(String base, String label) {
        return exec(uniformRandomSwitch()
                .on(
                        http(label + " status")
                                .get(base + "/api/v1/reconciliation/status")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200)),
                        http(label + " positions")
                                .get(base + "/api/v1/positions/open")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200)),
                        http(label + " guards")
                                .get(base + "/api/v1/guards/status")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200))));
    }

    final HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();

    final ScenarioBuilder throughGateway =
            scenario("through the gateway").feed(listFeeder(TRADERS).random()).exec(reads(GATEWAY, "gateway"));
    final ScenarioBuilder direct = scenario("straight to reconciliation-service")
            .feed(listFeeder(TRADERS).random())
            .exec(reads(DIRECT, "direct"));

    {
        PopulationBuilder gatewayPhase = throughGateway.injectOpen(
                constantUsersPerSec(RATE / 10.0).during(Duration.ofSeconds(10)), // warm-up
                constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS)));
        PopulationBuilder directPhase = direct.injectOpen(
                nothingFor(Duration.ofSeconds(2)), constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS)));
        setUp(gatewayPhase.andThen(directPhase))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        cacheBefore = cacheCounters();
        System.out.printf("seeded %d traders; cache counters before: %s%n", TRADERS.size(), cacheBefore);
    }

    @Override
    public void after() {
        Map<String, Double> after = cacheCounters();
        double hit = after.getOrDefault("hit", 0.0) - cacheBefore.getOrDefault("hit", 0.0);
        double miss = after.getOrDefault("miss", 0.0) - cacheBefore.getOrDefault("miss", 0.0);
        double bypass = after.getOrDefault("bypass", 0.0) - cacheBefore.getOrDefault("bypass", 0.0);
        System.out.printf(
                "status cache during the run: %.0f hits, %.0f misses, %.0f bypassed: hit rate %.2f %%%n",
                hit, miss, bypass, 100.0 * hit / Math.max(1, hit + miss + bypass));
    }
}
