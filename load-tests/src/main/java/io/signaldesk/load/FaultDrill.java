package io.signaldesk.load;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import io.signaldesk.localstack.TestSql;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault drill: against a running {@code ./run.sh} (whose supervisor starts a killed service
 * again, as a Deployment would), while signals, approvals, acks and snapshots flow, it kills each
 * service with SIGKILL in turn and stops Kafka, Redis and Postgres with SIGSTOP for 15 s each, then
 * counts, from the terminals' side and from the databases, what was lost, what happened twice and
 * what came late, and how long each fault took to recover from.
 *
 * <p>The flow, all through the gateway: a producer posts a signed signal every {@code
 * --interval-ms} to strategy A, followed with auto-approve by {@code --traders} traders, and to
 * strategy B, followed by one trader whose approvals the drill approves as they appear. Every
 * trader's terminal long-polls, acks each command FILLED (retrying until answered, with the same
 * body, as the EA protocol asks) and posts a snapshot every second. A trader read ({@code GET
 * /api/v1/traders/me}) every 100 ms measures the gateway.
 *
 * <pre>
 *   ./mvnw -q -Pload-tests -pl load-tests -am install -DskipTests
 *   ./mvnw -q -Pload-tests -pl load-tests exec:java -Dbench=io.signaldesk.load.FaultDrill
 * </pre>
 *
 * Recovery of a fault: from its end (the kill; the SIGCONT) until a signal accepted after it
 * reached every auto-approving terminal within 1 s and every signal accepted before it had
 * arrived. Late: a command handed over more than 1 s after its signal was accepted.
 */
public final class FaultDrill {
    private static final Pattern COMMAND = Pattern.compile("\\{[^{}]*\"commandId\":\"([^\"]+)\"[^{}]*}");
    private static final Pattern ENTRY = Pattern.compile("\"entry\":\"?([0-9.]+)");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([A-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final long LATE_NANOS = 1_000_000_000L;
    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/signaldesk";

    record Fault(String name, long start, long end, long recovered) {}

    record Sample(long at, String flow, boolean ok, long nanos) {}

    private final String gw;
    private final int traders;
    private final long intervalMs;
    private volatile boolean running = true;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> acceptedA = new ConcurrentHashMap<>(); // signal n -> nanoTime of the 201
    private final Map<Integer, Long> acceptedB = new ConcurrentHashMap<>();
    private final Set<Integer> unanswered = ConcurrentHashMap.newKeySet(); // no answer (timeout, reset)
    private final Set<Integer> refused = ConcurrentHashMap.newKeySet(); // answered, not 201
    // trader -> signal n -> distinct command ids for it; and the first hand-over time
    private final Map<Integer, Map<Integer, Set<String>>> commands = new ConcurrentHashMap<>();
    private final Map<String, Long> firstHandOver = new ConcurrentHashMap<>(); // "trader:n" -> nanoTime
    private final Map<String, String> ackBodies = new ConcurrentHashMap<>(); // commandId -> ack body (retries)
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> handOvers = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> equitySent = new ConcurrentHashMap<>(); // last 202'd equity, cents
    private final AtomicInteger closeCommands = new AtomicInteger();
    private final AtomicLong tickets = new AtomicLong(80_000_000L + new java.util.Random().nextInt(1_000_000));

    FaultDrill(String gw, int traders, long intervalMs) {
        this.gw = gw;
        this.traders = traders;
        this.intervalMs = intervalMs;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Latencies.args(args);
        FaultDrill d = new FaultDrill(
                a.getOrDefault("--gateway", "http://127.0.0.1:8080"),
                Integer.parseInt(a.getOrDefault("--traders", "4")),
                Long.parseLong(a.getOrDefault("--interval-ms", "500")));
        List<String> faults = List.of(a.getOrDefault(
                        "--faults",
                        "kill:signal-service,kill:approval-service,kill:reconciliation-service,kill:affiliate-service,"
                                + "kill:payout-service,kill:gateway,stop:kafka,stop:redis,stop:postgres")
                .split(","));
        d.run(
                faults,
                a.getOrDefault("--admin", "admin@signaldesk.local"),
                a.getOrDefault("--admin-password", "demo-admin-password"),
                Integer.parseInt(a.getOrDefault("--stop-seconds", "15")),
                Path.of(a.getOrDefault("--report", "target/fault-drill.md")));
        System.exit(0);
    }

    void run(List<String> faults, String adminEmail, String adminPassword, int stopSeconds, Path reportFile)
            throws Exception {
        GatewayApi api = new GatewayApi(gw);
        String admin = api.login(adminEmail, adminPassword);
        String run = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        Latencies.Setup auto = Latencies.setUp(api, admin, run + "-a", traders, true);
        Latencies.Setup manual = Latencies.setUp(api, admin, run + "-m", 1, false);
        List<EaClient> eas = new ArrayList<>(auto.eas());
        eas.addAll(manual.eas());
        for (int t = 0; t < eas.size(); t++) {
            commands.put(t, new ConcurrentHashMap<>());
            equitySent.put(t, new AtomicLong());
            int trader = t;
            daemon("ea-" + t, () -> pollLoop(trader, eas.get(trader)));
            daemon("snapshots-" + t, () -> snapshotLoop(trader, eas.get(trader)));
        }
        daemon("producer", () -> produce(auto.producer(), manual.producer()));
        daemon("approver", () -> approveLoop(api, manual.tokens().get(0)));
        daemon("reader", () -> readLoop(manual.tokens().get(0)));
        say(
                "flowing: %d auto-approving traders and 1 approving by hand, a signal to each strategy every %d ms",
                traders, intervalMs);
        Thread.sleep(10_000);

        List<Fault> done = new ArrayList<>();
        for (String f : faults) {
            String[] kv = f.trim().split(":");
            done.add("kill".equals(kv[0]) ? kill(kv[1]) : stop(kv[1], stopSeconds));
            Thread.sleep(5_000);
        }
        running = false;
        say("faults done; waiting for every accepted signal to arrive (at most 60 s)");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !allArrived(Long.MAX_VALUE)) {
            Thread.sleep(500);
        }
        // the last acks' fills and the last snapshots are consumed (reconciliation may still be
        // catching up on a backlog of the last fault)
        long settle = System.nanoTime() + 30_000_000_000L;
        do {
            Thread.sleep(1_000);
        } while (System.nanoTime() < settle && snapshotsBehind(eas) > 0);
        String report = report(done, eas);
        System.out.println(report);
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report);
        say("report written to %s", reportFile.toAbsolutePath());
    }

    // ---- the faults ----

    Fault kill(String service) throws Exception {
        int port = Map.of(
                        "gateway", 8080,
                        "signal-service", 8081,
                        "approval-service", 8082,
                        "reconciliation-service", 8083,
                        "affiliate-service", 8084,
                        "payout-service", 8085)
                .get(service);
        long pid = Listeners.pidListeningOn(port);
        say("kill -9 %s (pid %d)", service, pid);
        long start = System.nanoTime();
        signal("KILL", List.of(pid));
        return awaitRecovery("kill -9 " + service, start, start, port + 1000);
    }

    Fault stop(String what, int seconds) throws Exception {
        List<Long> pids = switch (what) {
            case "kafka" -> List.of(Listeners.pidListeningOn(9092)); // the broker runs inside ./run.sh's JVM
            case "redis" -> List.of(Listeners.pidListeningOn(6379));
            case "postgres" -> {
                long postmaster = Listeners.pidListeningOn(5432);
                List<Long> all = new ArrayList<>(List.of(postmaster));
                ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(c -> all.add(c.pid())));
                yield all;
            }
            default -> throw new IllegalArgumentException(what);
        };
        say("SIGSTOP %s (%d processes) for %d s", what, pids.size(), seconds);
        long start = System.nanoTime();
        signal("STOP", pids);
        try {
            Thread.sleep(seconds * 1000L);
        } finally {
            signal("CONT", pids);
        }
        long end = System.nanoTime();
        return awaitRecovery("SIGSTOP " + what + " " + seconds + " s", start, end, -1);
    }

    static void signal(String sig, List<Long> pids) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + sig));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    Fault awaitRecovery(String name, long start, long end, int managementPort) throws InterruptedException {
        long deadline = end + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if ((managementPort < 0 || ready(managementPort)) && recoveredAfter(end)) {
                long at = System.nanoTime();
                say("%s: recovered %.1f s after its end", name, (at - end) / 1e9);
                return new Fault(name, start, end, at);
            }
            Thread.sleep(100);
        }
        say("%s: NOT recovered within 180 s", name);
        return new Fault(name, start, end, -1);
    }

    /** A signal accepted after {@code end} reached every auto trader within 1 s, and nothing before it is missing. */
    boolean recoveredAfter(long end) {
        boolean fresh = acceptedA.entrySet().stream()
                .filter(e -> e.getValue() >= end)
                .anyMatch(e -> {
                    for (int t = 0; t < traders; t++) {
                        Long h = firstHandOver.get(t + ":" + e.getKey());
                        if (h == null || h - e.getValue() > LATE_NANOS) {
                            return false;
                        }
                    }
                    return true;
                });
        return fresh && allArrived(end);
    }

    /** Every signal accepted before {@code before} has reached every auto trader. */
    boolean allArrived(long before) {
        return acceptedA.entrySet().stream().filter(e -> e.getValue() < before).allMatch(e -> {
            for (int t = 0; t < traders; t++) {
                if (!firstHandOver.containsKey(t + ":" + e.getKey())) {
                    return false;
                }
            }
            return true;
        });
    }

    static boolean ready(int managementPort) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + managementPort + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    // ---- the flow ----

    void produce(EaClient a, EaClient b) {
        for (int n = 0; running; n++) {
            post(n, a, acceptedA, true);
            post(n, b, acceptedB, false);
            sleep(intervalMs);
        }
    }

    void post(int n, EaClient producer, Map<Integer, Long> accepted, boolean track) {
        long t0 = System.nanoTime();
        EaClient.Reply r = producer.postSignal(Latencies.signalBody(n));
        long now = System.nanoTime();
        samples.add(new Sample(t0, "signal post", r.status() == 201, now - t0));
        if (r.status() == 201) {
            accepted.put(n, now);
        } else if (track) {
            (r.status() < 0 ? unanswered : refused).add(n);
        }
    }

    void pollLoop(int trader, EaClient ea) {
        while (true) {
            long t0 = System.nanoTime();
            EaClient.Reply r = ea.poll(20_000);
            long now = System.nanoTime();
            samples.add(new Sample(t0, "ea poll", r.status() == 200, 0));
            if (r.status() != 200) {
                sleep(500);
                continue;
            }
            Matcher c = COMMAND.matcher(r.body());
            while (c.find()) {
                String cmd = c.group();
                String id = c.group(1);
                handOvers.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                Matcher type = TYPE.matcher(cmd);
                if (type.find() && !"OPEN".equals(type.group(1))) {
                    closeCommands.incrementAndGet();
                    ackUntilAnswered(ea, id, "{\"commandId\":\"" + id + "\",\"status\":\"FILLED\"}");
                    continue;
                }
                Matcher e = ENTRY.matcher(cmd);
                if (!e.find()) {
                    continue;
                }
                int n = signalNumber(e.group(1));
                commands.get(trader)
                        .computeIfAbsent(n, k -> ConcurrentHashMap.newKeySet())
                        .add(id);
                firstHandOver.putIfAbsent(trader + ":" + n, now);
                String body = ackBodies.computeIfAbsent(
                        id,
                        k -> "{\"commandId\":\"" + id + "\",\"status\":\"FILLED\",\"ticket\":"
                                + tickets.incrementAndGet() + ",\"price\":\"" + e.group(1)
                                + "\",\"volume\":\"0.01\"}");
                ackUntilAnswered(ea, id, body);
            }
        }
    }

    /** The entry 1.1xxxx of signal n, back to n. */
    static int signalNumber(String entry) {
        return new BigDecimal(entry).subtract(BigDecimal.ONE).movePointRight(5).intValueExact() - 10_000;
    }

    void ackUntilAnswered(EaClient ea, String id, String body) {
        for (int i = 0; i < 400; i++) {
            long t0 = System.nanoTime();
            EaClient.Reply r = ea.ack(body);
            samples.add(new Sample(t0, "ea ack", r.status() == 200, System.nanoTime() - t0));
            if (r.status() == 200) {
                acked.add(id);
                return;
            }
            if (r.status() == 409 || r.status() == 404 || r.status() == 422) {
                say("ack %s refused for good: %d %s", id, r.status(), r.body());
                return;
            }
            sleep(500);
        }
    }

    void snapshotLoop(int trader, EaClient ea) {
        for (long cents = 1_000_000; running; cents++) { // stops with the producer: the check reads the last one
            String equity = BigDecimal.valueOf(cents, 2).toPlainString();
            long t0 = System.nanoTime();
            EaClient.Reply r = ea.snapshot("{\"balance\":\"10000.00\",\"equity\":\"" + equity
                    + "\",\"currency\":\"USD\",\"takenAt\":\"" + Instant.now() + "\",\"positions\":[]}");
            samples.add(new Sample(t0, "ea snapshot", r.status() == 202, System.nanoTime() - t0));
            if (r.status() == 202) {
                equitySent.get(trader).set(cents);
            }
            sleep(1_000);
        }
    }

    void approveLoop(GatewayApi api, String token) {
        Set<String> approved = ConcurrentHashMap.newKeySet();
        while (true) {
            try {
                GatewayApi.Answer pending = api.get("/api/v1/approvals?status=PENDING", token);
                if (pending.status() == 200) {
                    Matcher m = ID.matcher(pending.body());
                    while (m.find()) {
                        if (approved.contains(m.group(1))) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        GatewayApi.Answer r = api.post("/api/v1/approvals/" + m.group(1) + "/approve", token, "{}");
                        samples.add(new Sample(t0, "approve", r.status() == 200, System.nanoTime() - t0));
                        if (r.status() == 200 || r.status() == 409) {
                            approved.add(m.group(1));
                        }
                    }
                }
            } catch (IllegalStateException unreachable) {
                samples.add(new Sample(System.nanoTime(), "approve", false, 0));
            }
            sleep(500);
        }
    }

    void readLoop(String token) {
        GatewayApi api = new GatewayApi(gw);
        while (true) {
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = api.get("/api/v1/traders/me", token).status() == 200;
            } catch (IllegalStateException unreachable) {
                ok = false;
            }
            samples.add(new Sample(t0, "trader read", ok, System.nanoTime() - t0));
            sleep(100);
        }
    }

    // ---- the report ----

    String report(List<Fault> faults, List<EaClient> eas) {
        StringBuilder r = new StringBuilder();
        int total = traders + 1;
        long lost = 0;
        long doubled = 0;
        for (int t = 0; t < total; t++) {
            Map<Integer, Long> accepted = t < traders ? acceptedA : acceptedB;
            Map<Integer, Set<String>> got = commands.get(t);
            for (int n : accepted.keySet()) {
                Set<String> ids = got.getOrDefault(n, Set.of());
                if (ids.isEmpty()) {
                    lost++;
                } else if (ids.size() > 1) {
                    doubled++;
                }
            }
        }
        long unaccepted = 0; // commands for signals whose POST was not answered 201
        for (int t = 0; t < traders; t++) {
            unaccepted += commands.get(t).keySet().stream()
                    .filter(n -> !acceptedA.containsKey(n))
                    .count();
        }
        String ids = acked.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        long fills = acked.isEmpty()
                ? 0
                : TestSql.count(
                        DB, "SELECT count(*) FROM reconciliation.position_fills WHERE command_id IN (" + ids + ")");
        long distinctFills = acked.isEmpty()
                ? 0
                : TestSql.count(
                        DB,
                        "SELECT count(DISTINCT command_id) FROM reconciliation.position_fills WHERE command_id IN ("
                                + ids + ")");
        long ackedOpens = acked.stream().filter(ackBodies::containsKey).count();
        long dbDoubledCommands = TestSql.count(
                DB,
                "SELECT count(*) FROM (SELECT approval_id FROM approval.commands WHERE approval_id IS NOT NULL"
                        + " GROUP BY approval_id HAVING count(*) > 1) d");
        long snapshotsBehind = snapshotsBehind(eas);
        long redelivered = handOvers.values().stream().filter(c -> c.get() > 1).count();

        r.append("# Fault drill, ").append(Instant.now()).append("\n\n");
        r.append(String.format(
                "Flow: %d signals accepted for %d auto-approving traders and %d for 1 approving trader "
                        + "(%d POSTs not answered 201, %d without an answer); %d OPEN commands acked FILLED; %d CLOSE/CLOSE_ALL commands (guards).%n%n",
                acceptedA.size(),
                traders,
                acceptedB.size(),
                refused.size() + unanswered.size(),
                unanswered.size(),
                ackedOpens,
                closeCommands.get()));
        r.append("| check | result |\n|---|---|\n");
        r.append(String.format("| accepted signal without its command at a terminal (lost) | %d |%n", lost));
        r.append(String.format("| signal that became two commands for one terminal (duplicated) | %d |%n", doubled));
        r.append(String.format("| approvals with more than one command (database) | %d |%n", dbDoubledCommands));
        r.append(String.format(
                "| acked fills missing in reconciliation (lost) | %d of %d |%n",
                ackedOpens - distinctFills, ackedOpens));
        r.append(String.format("| fills applied twice in reconciliation (duplicated) | %d |%n", fills - distinctFills));
        r.append(String.format(
                "| terminals whose newest accepted snapshot is not applied (lost) | %d of %d |%n",
                snapshotsBehind, total));
        r.append(String.format(
                "| commands for a signal whose POST was not answered 201 (accepted, answer lost) | %d |%n",
                unaccepted));
        r.append(String.format(
                "| commands handed over again before their ack was recorded (at-least-once, same command id) | %d |%n%n",
                redelivered));

        r.append(
                "| fault | recovery | late commands (> 1 s) | slowest command | failed requests (flow: count) | trader read p50 / p99 / max |\n");
        r.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).start() : Long.MAX_VALUE;
            long until = f.recovered() > 0 ? f.recovered() : windowEnd;
            long late = 0;
            long slowest = 0;
            for (int t = 0; t < traders; t++) {
                for (var e : acceptedA.entrySet()) {
                    if (e.getValue() < f.start() - 5_000_000_000L || e.getValue() >= windowEnd) {
                        continue;
                    }
                    Long h = firstHandOver.get(t + ":" + e.getKey());
                    if (h != null) {
                        long lat = Math.max(0, h - e.getValue());
                        slowest = Math.max(slowest, lat);
                        if (lat > LATE_NANOS) {
                            late++;
                        }
                    }
                }
            }
            Map<String, Long> failed = new LinkedHashMap<>();
            List<Long> reads = new ArrayList<>();
            for (Sample s : samples) {
                if (s.at() < f.start() || s.at() >= until) {
                    continue;
                }
                if (!s.ok()) {
                    failed.merge(s.flow(), 1L, Long::sum);
                }
                if ("trader read".equals(s.flow()) && s.ok()) {
                    reads.add(s.nanos() / 1_000);
                }
            }
            Collections.sort(reads);
            r.append(String.format(
                    "| %s | %s | %d | %.2f s | %s | %s |%n",
                    f.name(),
                    f.recovered() > 0 ? String.format("%.1f s", (f.recovered() - f.end()) / 1e9) : "not within 180 s",
                    late,
                    slowest / 1e9,
                    failed.isEmpty()
                            ? "none"
                            : failed.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .collect(Collectors.joining(", ")),
                    reads.isEmpty()
                            ? "-"
                            : String.format(
                                    "%.1f / %.1f / %.1f ms",
                                    Latencies.pct(reads, 50),
                                    Latencies.pct(reads, 99),
                                    reads.get(reads.size() - 1) / 1000.0)));
        }
        r.append(
                "\nRecovery: from the fault's end (the kill; the SIGCONT) until a signal accepted after it reached every "
                        + "auto-approving terminal within 1 s and every earlier accepted signal had arrived (a killed service: "
                        + "also until it is ready again). Failed requests and reads: from the fault's start until its recovery.\n");
        return r.toString();
    }

    /** Terminals whose newest accepted (202) snapshot reconciliation-service has not applied. */
    long snapshotsBehind(List<EaClient> eas) {
        long behind = 0;
        for (int t = 0; t < eas.size(); t++) {
            long applied = TestSql.count(
                    DB,
                    "SELECT coalesce(max(round(equity * 100)), 0) FROM reconciliation.accounts WHERE device_id = '"
                            + deviceId(eas.get(t)) + "'");
            if (applied < equitySent.get(t).get()) {
                behind++;
            }
        }
        return behind;
    }

    static String deviceId(EaClient ea) {
        return ea.signedHeaders("GET", "/", "").get("X-Device-Id");
    }

    static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String f, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now(), String.format(f, args));
    }
}
