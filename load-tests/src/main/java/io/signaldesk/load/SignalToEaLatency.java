package io.signaldesk.load;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark: time from a producer's signal being accepted (POST /api/v1/signals answered 201) to
 * the OPEN command arriving at a long-polling EA, through the gateway, for every subscribed trader.
 * The path measured: signal-service outbox relay -> Kafka -> approval-service consumer (inbox,
 * approval auto-approved, command) -> commit -> Redis pub/sub wake-up -> poll answers.
 *
 * Run against a running suite (./run.sh):
 *   ./mvnw -q -Pload-tests -pl load-tests -am install -DskipTests
 *   ./mvnw -q -Pload-tests -pl load-tests exec:java -Dexec.args="--traders 20 --signals 50 --interval-ms 200"
 */
public final class SignalToEaLatency {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Latencies.args(args);
        String gw = a.getOrDefault("--gateway", "http://127.0.0.1:8080");
        int traders = Integer.parseInt(a.getOrDefault("--traders", "20"));
        int signals = Integer.parseInt(a.getOrDefault("--signals", "50"));
        long intervalMs = Long.parseLong(a.getOrDefault("--interval-ms", "200"));
        String adminEmail = a.getOrDefault("--admin", "admin@signaldesk.local");
        String adminPassword = a.getOrDefault("--admin-password", "demo-admin-password");

        GatewayApi api = new GatewayApi(gw);
        String admin = api.login(adminEmail, adminPassword);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Latencies.Setup setup = Latencies.setUp(api, admin, "bench-" + run, traders, true);
        EaClient producer = setup.producer();

        Map<String, Long> postedAt = new ConcurrentHashMap<>(); // signal entry tag -> nanoTime at 201
        Map<String, Long> arrived = new ConcurrentHashMap<>(); // "<trader>:<entry tag>" -> nanoTime the poll returned
        Latencies.startEas(setup.eas(), signals, 1_000_000, arrived);
        Thread.sleep(1000); // every EA is waiting in a long poll

        for (int s = 0; s < signals; s++) {
            // the entry price carries the signal's number so an EA can tell which signal a command came from
            String body = Latencies.signalBody(s);
            EaClient.Reply r = producer.postSignal(body);
            long now = System.nanoTime();
            if (r.status() != 201) {
                throw new IllegalStateException("signal refused: " + r.status() + " " + r.body());
            }
            postedAt.put(Latencies.entryKey(s), now);
            Thread.sleep(intervalMs);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (arrived.size() < (long) traders * signals && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<Long> latenciesMicros = new ArrayList<>();
        arrived.forEach((k, t) -> {
            Long t0 = postedAt.get(k.substring(k.indexOf(':') + 1));
            if (t0 != null) {
                latenciesMicros.add(Math.max(0, (t - t0) / 1_000)); // 0: the command arrived before the 201 was read
            }
        });
        report(traders, signals, latenciesMicros);
        System.exit(0);
    }

    private static void report(int traders, int signals, List<Long> micros) {
        System.out.printf(
                "signal -> EA-visible command: %d of %d commands (%d traders x %d signals)%n",
                micros.size(), traders * signals, traders, signals);
        Latencies.print("", micros);
    }
}
