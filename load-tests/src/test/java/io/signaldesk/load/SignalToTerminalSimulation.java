package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signal to terminal: a producer posts signed signals at a constant rate (open model, {@code
 * signalsPerSecond} for {@code seconds}) to a strategy that {@code traders} traders follow with
 * auto-approve; each trader's terminal holds a long poll and acks every command FILLED. Timed per
 * command, from the producer's 201 to the poll that hands the command over (0 when the command came
 * first), and printed with percentiles at the end, with approval-service's own {@code
 * signaldesk_signal_to_ea_seconds} for the run (from the signal's acceptance to the first hand-over,
 * read from its buckets). Every command must arrive exactly once per trader: the simulation fails
 * on a missing or a doubled one.
 *
 * <p>Against a running {@code ./run.sh} with raised rate limits. Settings: {@code traders} (10),
 * {@code signalsPerSecond} (2), {@code seconds} (60), {@code gateway}, {@code management}
 * (approval-service's management URL), {@code signalManagement} (signal-service's), {@code admin}, {@code adminPassword}.
 */
public class SignalToTerminalSimulation extends Simulation {
    static final int TRADERS = Integer.getInteger("traders", 10);
    static final double RATE = Double.parseDouble(System.getProperty("signalsPerSecond", "2"));
    static final int SECONDS = Integer.getInteger("seconds", 60);
    static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
    static final String MANAGEMENT = System.getProperty("management", "http://127.0.0.1:9082");
    static final String SIGNAL_MANAGEMENT = System.getProperty("signalManagement", "http://127.0.0.1:9081");
    static final String POLL = "/api/v1/ea/poll?waitMs=20000";

    static final Latencies.Setup SETUP = Latencies.setUp(
            new GatewayApi(GATEWAY),
            new GatewayApi(GATEWAY)
                    .login(
                            System.getProperty("admin", "admin@signaldesk.local"),
                            System.getProperty("adminPassword", "demo-admin-password")),
            "s2t-" + UUID.randomUUID().toString().substring(0, 8),
            TRADERS,
            true);

    static final AtomicInteger SIGNALS = new AtomicInteger();
    static final AtomicLong TICKETS = new AtomicLong(7_000_000);
    static final Map<String, Long> POSTED = new ConcurrentHashMap<>(); // entry key -> nanoTime of the 201
    static final Map<String, Long> ARRIVED = new ConcurrentHashMap<>(); // trader:entry key -> nanoTime handed over
    static final Map<String, Integer> HANDED = new ConcurrentHashMap<>(); // commandId -> times handed over
    static final Map<String, Integer> PER_SIGNAL = new ConcurrentHashMap<>(); // trader:entry key -> distinct commands
    static volatile Map<String, Histograms.Series> histogramsBefore;

    static List<Map<String, Object>> terminals() {
        List<Map<String, Object>> l = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++) {
            l.add(Map.of("terminal", i));
        }
        return l;
    }

    static ChainBuilder signed(
            String name,
            String idHeader,
            String method,
            String path,
            int expected,
            java.util.function.Function<Session, EaClient> client,
            java.util.function.Function<Session, String> body,
            io.gatling.javaapi.core.CheckBuilder... checks) {
        return Signed.request(GATEWAY, name, idHeader, method, path, expected, client, body, checks);
    }

    final HttpProtocolBuilder terminal = http.acceptHeader("application/json");
    final HttpProtocolBuilder producerProtocol =
            http.acceptHeader("application/json").shareConnections();

    {
        var producer = scenario("producer")
                .exec(s -> s.set("n", SIGNALS.getAndIncrement()))
                .exec(signed(
                        "signal post",
                        "X-Producer-Id",
                        "POST",
                        "/api/v1/signals",
                        201,
                        s -> SETUP.producer(),
                        s -> Latencies.signalBody(s.getInt("n"))))
                .exec(s -> {
                    POSTED.put(Latencies.entryKey(s.getInt("n")), System.nanoTime());
                    return s;
                });
        var eas = scenario("terminal")
                .feed(listFeeder(terminals()).queue())
                .during(Duration.ofSeconds(SECONDS + 15))
                .on(signed(
                                "ea poll (long)",
                                "X-Device-Id",
                                "GET",
                                POLL,
                                200,
                                s -> SETUP.eas().get(s.getInt("terminal")),
                                s -> "",
                                jsonPath("$.commands[*].commandId")
                                        .findAll()
                                        .optional()
                                        .saveAs("ids"),
                                jsonPath("$.commands[*].entry")
                                        .findAll()
                                        .optional()
                                        .saveAs("entries"))
                        .exec(s -> {
                            long now = System.nanoTime();
                            if (!s.contains("ids")) {
                                return s;
                            }
                            List<String> ids = s.getList("ids");
                            List<String> entries = s.getList("entries");
                            List<Map<String, Object>> acks = new ArrayList<>();
                            for (int i = 0; i < ids.size(); i++) {
                                String key = new BigDecimal(entries.get(i))
                                        .stripTrailingZeros()
                                        .toPlainString();
                                ARRIVED.putIfAbsent(s.getInt("terminal") + ":" + key, now);
                                if (HANDED.merge(ids.get(i), 1, Integer::sum) == 1) {
                                    PER_SIGNAL.merge(s.getInt("terminal") + ":" + key, 1, Integer::sum);
                                    acks.add(Map.of("cid", ids.get(i), "price", entries.get(i)));
                                }
                            }
                            return s.remove("ids").remove("entries").set("acks", acks);
                        })
                        .foreach("#{acks}", "ack")
                        .on(signed(
                                "ea ack",
                                "X-Device-Id",
                                "POST",
                                "/api/v1/ea/ack",
                                200,
                                s -> SETUP.eas().get(s.getInt("terminal")),
                                s -> {
                                    Map<String, Object> a = s.getMap("ack");
                                    return "{\"commandId\":\"" + a.get("cid") + "\",\"status\":\"FILLED\",\"ticket\":"
                                            + TICKETS.incrementAndGet() + ",\"price\":\"" + a.get("price")
                                            + "\",\"volume\":\"0.01\"}";
                                })));
        setUp(
                        eas.injectOpen(atOnceUsers(TRADERS)).protocols(terminal),
                        producer.injectOpen(
                                        nothingFor(Duration.ofSeconds(2)),
                                        constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS)))
                                .protocols(producerProtocol))
                .assertions(global().failedRequests().count().is(0L));
    }

    /** The histograms this run reports: approval-service's SLO timer and signal hops, signal-service's relay steps. */
    static Map<String, Histograms.Series> histograms() {
        Map<String, Histograms.Series> all = new java.util.LinkedHashMap<>();
        Histograms.read(MANAGEMENT, "signaldesk_signal_to_ea_seconds", null)
                .forEach((k, v) -> all.put("signal -> EA (SLO timer)", v));
        Histograms.read(MANAGEMENT, "signaldesk_signal_hop_seconds", "hop").forEach((k, v) -> all.put("hop " + k, v));
        Histograms.read(SIGNAL_MANAGEMENT, "signaldesk_outbox_batch_seconds", "step")
                .forEach((k, v) -> all.put("signal-service relay batch " + k, v));
        return all;
    }

    @Override
    public void before() {
        histogramsBefore = histograms();
    }

    @Override
    public void after() {
        List<Long> micros = new ArrayList<>();
        ARRIVED.forEach((k, t) -> {
            Long t0 = POSTED.get(k.substring(k.indexOf(':') + 1));
            if (t0 != null) {
                micros.add(Math.max(0, (t - t0) / 1_000));
            }
        });
        int expected = POSTED.size() * TRADERS;
        long doubled = HANDED.values().stream().filter(n -> n > 1).count()
                + PER_SIGNAL.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "signal -> terminal: %d of %d commands arrived, %d handed over more than once (%d signals x %d traders)%n",
                micros.size(), expected, doubled, POSTED.size(), TRADERS);
        Latencies.print("from the producer's 201: ", micros);
        System.out.println("  server-side histograms for the run (bucket bounds, docs/performance.md):");
        Histograms.delta(histograms(), histogramsBefore)
                .forEach((k, v) -> System.out.printf("    %-36s %s%n", k, v.describe()));
        if (micros.size() != expected || doubled > 0) {
            throw new IllegalStateException("commands missing or handed over twice");
        }
    }
}
