package io.signaldesk.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated MetaTrader 5 terminal: long-polls for commands, "executes" OPEN at the market price
 * (the newest candle close from its quote source; the signal's entry when it has none) with up to
 * 0.000005 of slippage, rounded to the quote's decimals (CLOSE / CLOSE_ALL at the open price), acknowledges
 * with a broker ticket, and posts an account snapshot every few seconds. It registers nothing
 * itself: it is given a device id and secret, like a real EA.
 */
public final class EaSimulator implements AutoCloseable {
    private static final Pattern COMMAND = Pattern.compile("\\{[^{}]*\"commandId\":\"([^\"]+)\"[^{}]*}");

    private record Position(long ticket, String instrument, String side, BigDecimal volume, BigDecimal openPrice) {}

    private final EaClient ea;
    private final Function<String, BigDecimal> quotes;
    private final Random random = new Random();
    private final AtomicLong nextTicket = new AtomicLong(50_000_000L + new Random().nextInt(1_000_000));
    private final Map<Long, Position> positions = new ConcurrentHashMap<>();
    private final AtomicLong filled = new AtomicLong();
    private final Worker worker = new Worker("ea-simulator", this::loop);
    private long lastSnapshot;

    public EaSimulator(EaClient ea) {
        this(ea, instrument -> null);
    }

    /** {@code quotes}: instrument to its current price, null when unknown. */
    public EaSimulator(EaClient ea, Function<String, BigDecimal> quotes) {
        this.ea = ea;
        this.quotes = quotes;
    }

    public EaSimulator start() {
        worker.start();
        return this;
    }

    public long filled() {
        return filled.get();
    }

    private void loop() {
        while (worker.running()) {
            try {
                EaClient.Reply r = ea.poll(20_000);
                if (r.status() != 200) {
                    if (!Ports.pause(2_000)) {
                        return;
                    }
                    continue;
                }
                Matcher m = COMMAND.matcher(r.body());
                while (m.find()) {
                    execute(m.group());
                }
                if (System.currentTimeMillis() - lastSnapshot > 10_000) {
                    snapshot();
                }
            } catch (RuntimeException e) {
                if (!worker.running() || !Ports.pause(2_000)) {
                    return;
                }
            }
        }
    }

    private void execute(String cmd) {
        String id = field(cmd, "commandId");
        String type = field(cmd, "type");
        String ack;
        if ("OPEN".equals(type)) {
            BigDecimal quote = quotes.apply(field(cmd, "instrument"));
            BigDecimal entry = quote != null ? quote : new BigDecimal(field(cmd, "entry"));
            BigDecimal slip = BigDecimal.valueOf(random.nextInt(11) - 5, 6); // up to half a point (0.000005) either way
            BigDecimal price = entry.add(slip)
                    .setScale(entry.scale() > 5 ? entry.scale() : 5, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            long ticket = nextTicket.incrementAndGet();
            BigDecimal volume = new BigDecimal(field(cmd, "volume"));
            positions.put(ticket, new Position(ticket, field(cmd, "instrument"), field(cmd, "side"), volume, price));
            ack = "{\"commandId\":\"" + id + "\",\"status\":\"FILLED\",\"ticket\":" + ticket + ",\"price\":\""
                    + price.toPlainString() + "\",\"volume\":\"" + volume.toPlainString() + "\",\"executedAt\":\""
                    + Instant.now() + "\"}";
        } else if ("CLOSE".equals(type)
                && field(cmd, "ticket") != null
                && positions.containsKey(Long.parseLong(field(cmd, "ticket")))) {
            Position p = positions.remove(Long.parseLong(field(cmd, "ticket")));
            ack = "{\"commandId\":\"" + id + "\",\"status\":\"FILLED\",\"ticket\":" + p.ticket() + ",\"price\":\""
                    + p.openPrice().toPlainString() + "\",\"volume\":\""
                    + p.volume().toPlainString() + "\",\"executedAt\":\"" + Instant.now() + "\"}";
        } else if ("CLOSE_ALL".equals(type)) {
            positions.clear();
            ack = "{\"commandId\":\"" + id + "\",\"status\":\"FILLED\",\"executedAt\":\"" + Instant.now() + "\"}";
        } else {
            ack = "{\"commandId\":\"" + id + "\",\"status\":\"REJECTED\",\"error\":\"unknown ticket or command\"}";
        }
        EaClient.Reply r = ea.ack(ack);
        if (r.status() == 200 && ack.contains("FILLED")) {
            filled.incrementAndGet();
        }
    }

    private void snapshot() {
        lastSnapshot = System.currentTimeMillis();
        StringBuilder sb = new StringBuilder(
                "{\"balance\":\"10000.00\",\"equity\":\"10000.00\",\"currency\":\"USD\",\"positions\":[");
        String sep = "";
        for (Position p : positions.values()) {
            sb.append(sep)
                    .append("{\"ticket\":")
                    .append(p.ticket())
                    .append(",\"instrument\":\"")
                    .append(p.instrument())
                    .append("\",\"side\":\"")
                    .append(p.side())
                    .append("\",\"volume\":\"")
                    .append(p.volume().toPlainString())
                    .append("\",\"openPrice\":\"")
                    .append(p.openPrice().toPlainString())
                    .append("\",\"profit\":\"0.00\"}");
            sep = ",";
        }
        ea.snapshot(sb.append("]}").toString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)\"?").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        worker.close();
    }
}
