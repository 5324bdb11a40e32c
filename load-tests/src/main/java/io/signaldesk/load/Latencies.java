package io.signaldesk.load;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks share: numbered signals whose entry price tells an EA which signal a command
 * came from, an EA loop that notes when each command arrives and acks it, percentiles of latencies
 * in microseconds, and "--key value" arguments.
 */
final class Latencies {
    private static final Pattern ENTRY = Pattern.compile("\"entry\":\"?([0-9.]+)");
    private static final Pattern COMMAND = Pattern.compile("\"commandId\":\"([^\"]+)\"");

    /** A strategy with its signing producer, and the subscribed traders' tokens and EAs (index = trader number). */
    record Setup(EaClient producer, List<String> tokens, List<EaClient> eas) {}

    /**
     * Creates, through the gateway, an EXTERNAL EURUSD strategy named {@code name}, its producer, and
     * {@code traders} traders each with a device subscribed to it (fixed 0.01 lots; auto-approved up to
     * 1 lot when {@code autoApprove}).
     */
    static Setup setUp(GatewayApi api, String admin, String name, int traders, boolean autoApprove) {
        String strategy = api.post(
                        "/api/v1/strategies",
                        admin,
                        "{\"name\":\"" + name + "\",\"kind\":\"EXTERNAL\","
                                + "\"instrument\":\"EURUSD\",\"timeframe\":\"M1\",\"params\":{}}")
                .expect(201)
                .field("id");
        GatewayApi.Answer producer = api.post(
                        "/api/v1/producers", admin, "{\"name\":\"" + name + "\",\"strategyId\":\"" + strategy + "\"}")
                .expect(201);
        List<String> tokens = new ArrayList<>();
        List<EaClient> eas = new ArrayList<>();
        for (int i = 0; i < traders; i++) {
            String email = name + "-" + i + "@load.test";
            api.post(
                            "/api/v1/auth/register",
                            null,
                            "{\"email\":\"" + email + "\",\"password\":\"bench password " + i + "\"}")
                    .expect(201);
            String token = api.login(email, "bench password " + i);
            GatewayApi.Answer dev = api.post(
                            "/api/v1/devices",
                            token,
                            "{\"name\":\"bench\",\"brokerAccount\":\"" + name + i
                                    + "\",\"brokerServer\":\"Bench-Server\"}")
                    .expect(201);
            api.subscribe(
                            token,
                            "{\"strategyId\":\"" + strategy + "\",\"deviceId\":\"" + dev.field("id")
                                    + "\",\"sizing\":\"FIXED\",\"fixedVolume\":\"0.01\",\"maxVolume\":\"1.00\""
                                    + (autoApprove ? ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"1.00\"" : "")
                                    + "}")
                    .expect(201);
            tokens.add(token);
            eas.add(new EaClient(api.baseUrl(), dev.field("id"), dev.field("secret")));
        }
        return new Setup(EaClient.producer(api.baseUrl(), producer.field("id"), producer.field("secret")), tokens, eas);
    }

    /**
     * Starts one long-polling EA thread per trader, each expecting {@code expected} commands; when
     * a command arrives, {@code arrived} gets {@code "<trader>:<entry key>" -> nanoTime} (noted, matched
     * later: a poll may return before the request that caused it has been answered).
     */
    static void startEas(List<EaClient> eas, int expected, long ticketBase, Map<String, Long> arrived) {
        for (int i = 0; i < eas.size(); i++) {
            int trader = i;
            EaClient ea = eas.get(i);
            Thread t = new Thread(
                    () -> pollAndAck(
                            ea, expected, ticketBase, (key, now) -> arrived.putIfAbsent(trader + ":" + key, now)),
                    "ea-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /** The entry price of signal {@code s}, as the key the EA loop reports ("1.1", "1.10001", ...). */
    static String entryKey(int s) {
        return new BigDecimal(String.format("1.%05d", 10_000 + s))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A signed-signal body for signal number {@code s}: BUY EURUSD at {@link #entryKey}. */
    static String signalBody(int s) {
        return "{\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"entry\":\"" + String.format("1.%05d", 10_000 + s)
                + "\",\"stopLoss\":\"" + String.format("1.%05d", 9_000 + s) + "\",\"takeProfit\":\""
                + String.format("1.%05d", 12_000 + s) + "\",\"expiresAt\":\""
                + Instant.now().plusSeconds(600)
                + "\",\"rationale\":\"bench\"}";
    }

    /**
     * Long-polls until {@code expected} commands have arrived, calling {@code arrived} with each
     * command's entry key and the nanoTime its poll returned, and acks each FILLED.
     */
    static void pollAndAck(EaClient ea, int expected, long ticketBase, BiConsumer<String, Long> arrived) {
        int seen = 0;
        while (seen < expected) {
            EaClient.Reply r = ea.poll(20_000);
            long now = System.nanoTime();
            if (r.status() != 200) {
                System.err.println("poll: " + r.status() + " " + r.body());
                continue;
            }
            Matcher m = ENTRY.matcher(r.body());
            Matcher c = COMMAND.matcher(r.body());
            while (m.find() && c.find()) {
                arrived.accept(new BigDecimal(m.group(1)).stripTrailingZeros().toPlainString(), now);
                seen++;
                ea.ack("{\"commandId\":\"" + c.group(1) + "\",\"status\":\"FILLED\",\"ticket\":" + (ticketBase + seen)
                        + ",\"price\":\"" + m.group(1) + "\",\"volume\":\"0.01\"}");
            }
        }
    }

    private Latencies() {}

    static void print(String label, List<Long> micros) {
        List<Long> l = new ArrayList<>(micros);
        Collections.sort(l);
        if (l.isEmpty()) {
            System.out.println("  " + label + "no samples");
            return;
        }
        System.out.printf(
                "  %sp50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   mean %.1f ms   (n=%d)%n",
                label,
                pct(l, 50),
                pct(l, 90),
                pct(l, 99),
                l.get(l.size() - 1) / 1000.0,
                l.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0,
                l.size());
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1000.0;
    }

    static Map<String, String> args(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return m;
    }
}
