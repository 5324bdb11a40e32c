package io.signaldesk.load;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark: time from a trader's approval to the OPEN command arriving at the trader's long-polling
 * EA, through the gateway. Each trader's EA waits in a long poll; the harness approves pending
 * approvals one after another, {@code --interval-ms} apart, and the EA notes when its poll returns.
 * The path measured: approve request -> approval-service (APPROVED + command in one transaction)
 * -> commit -> Redis PUBLISH -> the waiting poll leases and answers -> gateway -> EA.
 *
 * Two numbers per approval: from sending the approve request to the EA holding the command (what a
 * trader experiences), and from the approve answer to the EA holding it (the wake-up alone; it can be
 * negative when the poll answers before the approve response is read, and is then counted as 0).
 *
 * Run against a running suite (./run.sh):
 *   ./mvnw -q -Pload-tests -pl load-tests -am install -DskipTests
 *   ./mvnw -q -Pload-tests -pl load-tests exec:java -Dbench=io.signaldesk.load.ApprovalToEaLatency \
 *       -Dexec.args="--traders 10 --signals 30 --interval-ms 50"
 */
public final class ApprovalToEaLatency {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = Latencies.args(args);
        String gw = a.getOrDefault("--gateway", "http://127.0.0.1:8080");
        int traders = Integer.parseInt(a.getOrDefault("--traders", "10"));
        int signals = Integer.parseInt(a.getOrDefault("--signals", "30"));
        long intervalMs = Long.parseLong(a.getOrDefault("--interval-ms", "50"));
        GatewayApi api = new GatewayApi(gw);
        String admin = api.login(
                a.getOrDefault("--admin", "admin@signaldesk.local"),
                a.getOrDefault("--admin-password", "demo-admin-password"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Latencies.Setup setup = Latencies.setUp(api, admin, "bench-approve-" + run, traders, false);
        EaClient producer = setup.producer();
        List<String> tokens = setup.tokens();

        // "<trader>:<entry>" -> nanoTime when the approve request was sent / answered / the EA had the command
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        Latencies.startEas(setup.eas(), signals, 2_000_000, received);
        Thread.sleep(1000);

        for (int s = 0; s < signals; s++) {
            String body = Latencies.signalBody(s);
            EaClient.Reply r = producer.postSignal(body);
            if (r.status() != 201) {
                throw new IllegalStateException("signal refused: " + r.status() + " " + r.body());
            }
            String signalId = GatewayApi.field(r.body(), "id");
            String key = Latencies.entryKey(s);
            for (int i = 0; i < traders; i++) {
                String approval = pending(api, tokens.get(i), signalId);
                long t0 = System.nanoTime();
                sent.put(i + ":" + key, t0);
                api.post("/api/v1/approvals/" + approval + "/approve", tokens.get(i), "{}")
                        .expect(200);
                answered.put(i + ":" + key, System.nanoTime());
                Thread.sleep(intervalMs);
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (received.size() < (long) traders * signals && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<Long> fromSend = new ArrayList<>();
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> roundTrip = new ArrayList<>();
        received.forEach((k, t) -> {
            Long s0 = sent.get(k);
            Long a0 = answered.get(k);
            if (s0 != null && a0 != null) {
                fromSend.add((t - s0) / 1_000);
                fromAnswer.add(Math.max(0, (t - a0) / 1_000));
                roundTrip.add((a0 - s0) / 1_000);
            }
        });
        System.out.printf(
                "approval -> EA-visible command: %d of %d approvals (%d traders x %d signals, one approval every %d ms)%n",
                received.size(), traders * signals, traders, signals, intervalMs);
        Latencies.print("from approve sent:     ", fromSend);
        Latencies.print("from approve answered: ", fromAnswer);
        Latencies.print("approve round trip:    ", roundTrip);
        System.exit(0);
    }

    /** The trader's pending approval of the signal (waits for it to arrive). */
    private static String pending(GatewayApi api, String token, String signalId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String body = api.get("/api/v1/approvals?status=PENDING", token)
                    .expect(200)
                    .body();
            int at = body.indexOf("\"signalId\":\"" + signalId + "\"");
            if (at >= 0) {
                return GatewayApi.field(body.substring(body.lastIndexOf("{\"id\":\"", at)), "id");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no pending approval for signal " + signalId);
    }
}
