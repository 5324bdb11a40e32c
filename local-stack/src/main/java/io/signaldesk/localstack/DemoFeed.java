package io.signaldesk.localstack;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * A simulated EURUSD M1 market-data feed for the demo: a fixed price path that starts at
 * {@code anchor}, posted bar by bar to {@code POST /api/v1/strategies/{id}/candles} as each minute
 * closes. Bars 0-94 are the crafted Fib-RSI series of the engine's unit test at a tenth of its size
 * (25 bars up from 1.0800 to 1.0900, 68 down to 1.0832, then a bar up to 1.08385: RSI leaves
 * oversold at the 61.8 % retracement 1.08382), so the engine decides a BUY on bar 94; after that
 * the price swings in a 30-pip triangle. The path is a function of the bar number, so a restart
 * re-posts identical bars (duplicates) and continues where it was. Prices are exact decimals.
 */
public final class DemoFeed implements AutoCloseable {
    static final Duration BAR = Duration.ofMinutes(1);
    public static final int SIGNAL_BAR = 94;
    private static final BigDecimal PIP = new BigDecimal("0.0001");

    private final GatewayApi api;
    private final String strategyId;
    private final Instant anchor;
    private final Supplier<String> adminToken;
    private volatile long posted = -1;
    private final Worker worker = new Worker("demo-feed", this::loop);
    private String token;

    DemoFeed(GatewayApi api, String strategyId, Instant anchor, Supplier<String> adminToken) {
        this.api = api;
        this.strategyId = strategyId;
        this.anchor = anchor;
        this.adminToken = adminToken;
    }

    /** The anchor that makes the bar that closed last the signal bar. */
    public static Instant anchorForSignalNow() {
        return lastClosedOpen().minus(BAR.multipliedBy(SIGNAL_BAR));
    }

    static Instant lastClosedOpen() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(BAR);
    }

    /** Close of bar {@code k} (k >= 0). */
    public static BigDecimal close(long k) {
        BigDecimal base = new BigDecimal("1.0800");
        if (k <= 25) {
            return base.add(new BigDecimal("0.0004").multiply(BigDecimal.valueOf(k)));
        }
        if (k <= 93) {
            return new BigDecimal("1.0900").subtract(PIP.multiply(BigDecimal.valueOf(k - 25)));
        }
        if (k == SIGNAL_BAR) {
            return new BigDecimal("1.08385");
        }
        long j = (k - 95) % 60;
        long steps = j <= 30 ? j : 60 - j;
        return new BigDecimal("1.08385").add(PIP.multiply(BigDecimal.valueOf(steps)));
    }

    /** Bar {@code k} as the JSON of one candle of {@code POST /api/v1/strategies/{id}/candles}. */
    public static String bar(Instant anchor, long k) {
        BigDecimal c = close(k);
        BigDecimal o = k == 0 ? c : close(k - 1);
        return "{\"time\":\"" + anchor.plus(BAR.multipliedBy(k)) + "\",\"open\":\"" + o.toPlainString()
                + "\",\"high\":\""
                + o.max(c).toPlainString() + "\",\"low\":\"" + o.min(c).toPlainString() + "\",\"close\":\""
                + c.toPlainString()
                + "\",\"volume\":\"" + (100 + k % 7) + "\"}";
    }

    /**
     * Posts every closed bar not posted yet (at most the newest 1000) and returns the answer of the
     * last request, or null when there was nothing to post.
     */
    synchronized GatewayApi.Answer catchUp() {
        long last = Duration.between(anchor, lastClosedOpen()).toMinutes();
        if (last < 0 || last <= posted) {
            return null;
        }
        long from = Math.max(posted + 1, Math.max(0, last - 999));
        StringBuilder sb = new StringBuilder("{\"candles\":[");
        for (long k = from; k <= last; k++) {
            sb.append(k == from ? "" : ",").append(bar(anchor, k));
        }
        String body = sb.append("]}").toString();
        if (token == null) {
            token = adminToken.get();
        }
        GatewayApi.Answer a = api.post("/api/v1/strategies/" + strategyId + "/candles", token, body);
        if (a.status() == 401) {
            token = adminToken.get();
            a = api.post("/api/v1/strategies/" + strategyId + "/candles", token, body);
        }
        a.expect(200);
        posted = last;
        return a;
    }

    /** The close of the newest bar posted: the simulated terminal's market price. */
    BigDecimal lastClose() {
        long k = posted;
        return k < 0 ? null : close(k);
    }

    DemoFeed start() {
        worker.start();
        return this;
    }

    private void loop() {
        while (worker.running()) {
            try {
                catchUp();
                if (!Ports.pause(2_000)) {
                    return;
                }
            } catch (RuntimeException e) {
                if (worker.running()) {
                    System.err.println("demo feed: " + e.getMessage() + " (trying again in a minute)");
                }
                if (!Ports.pause(60_000)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
