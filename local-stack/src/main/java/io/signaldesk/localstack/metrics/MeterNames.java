package io.signaldesk.localstack.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the services' own code registers, read from their sources
 * ({@code <module>/src/main/java}) rather than from a hand-kept list: every
 * {@code Counter/Timer/Gauge/DistributionSummary/LongTaskTimer.builder(...)},
 * {@code registry.counter/timer/gauge/summary(...)} and {@code @Counted/@Timed} whose name is a
 * string literal or a {@code static final String} constant, named as Micrometer's Prometheus
 * registry names them (dots to underscores, the base unit appended, counters {@code _total},
 * timers {@code _seconds_count/_sum/_bucket/_max}).
 *
 * <p>Framework meters (HTTP server, JVM, process, Kafka clients) are not in the code; only a scrape
 * of a running service shows them.
 */
public final class MeterNames {
    private MeterNames() {}

    private enum Kind {
        COUNTER,
        TIMER,
        LONG_TASK_TIMER,
        SUMMARY,
        GAUGE,
        TIME_GAUGE
    }

    private static final Pattern CALL =
            Pattern.compile("\\b(Counter\\.builder|FunctionCounter\\.builder|Timer\\.builder|FunctionTimer\\.builder"
                    + "|LongTaskTimer\\.builder|DistributionSummary\\.builder|Gauge\\.builder|TimeGauge\\.builder"
                    + "|\\.counter|\\.timer|\\.longTaskTimer|\\.summary|\\.gauge"
                    + "|@Counted|@Timed)\\s*\\(\\s*(?:value\\s*=\\s*)?(\"[^\"]*\"|[A-Za-z_][\\w.]*)");

    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+([A-Za-z_]\\w*)\\s*=\\s*\"([^\"]*)\"\\s*;");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** Every exported name of every module's main code under {@code projectRoot}. */
    public static Set<String> fromSources(Path projectRoot) {
        List<Path> files;
        try (Stream<Path> modules = Files.list(projectRoot)) {
            files = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(MeterNames::javaFiles)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sources = new HashMap<>();
        Map<String, String> constants = new HashMap<>();
        for (Path f : files) {
            String src = read(f);
            sources.put(f.toString(), src);
            Matcher c = CONSTANT.matcher(src);
            while (c.find()) {
                constants.putIfAbsent(c.group(1), c.group(2));
            }
        }
        Set<String> names = new TreeSet<>();
        for (String src : sources.values()) {
            String code = null; // blanked once per file, and only for files that register meters
            Matcher m = CALL.matcher(src);
            while (m.find()) {
                String raw = m.group(2);
                String name;
                if (raw.startsWith("\"")) {
                    name = raw.substring(1, raw.length() - 1);
                } else {
                    name = constants.get(raw.substring(raw.lastIndexOf('.') + 1));
                }
                if (name == null) {
                    continue; // a name held in a variable: not resolvable from the source alone
                }
                if (code == null) {
                    code = blankStrings(src);
                }
                names.addAll(prometheusNames(name, kind(m.group(1)), baseUnit(src, code, m.end())));
            }
        }
        return names;
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kind kind(String call) {
        String c = call.replace("@", "").replace(".builder", "").replace(".", "");
        return switch (c) {
            case "Counter", "FunctionCounter", "counter", "Counted" -> Kind.COUNTER;
            case "Timer", "FunctionTimer", "timer", "Timed" -> Kind.TIMER;
            case "LongTaskTimer", "longTaskTimer" -> Kind.LONG_TASK_TIMER;
            case "DistributionSummary", "summary" -> Kind.SUMMARY;
            case "TimeGauge" -> Kind.TIME_GAUGE;
            default -> Kind.GAUGE;
        };
    }

    /** The source with every string literal blanked (same length), so a ';' inside a description ends no statement. */
    private static String blankStrings(String src) {
        return STRING_LITERAL
                .matcher(src)
                .replaceAll(m -> "\"" + "x".repeat(m.group().length() - 2) + "\"");
    }

    /**
     * A builder's {@code .baseUnit("...")} before its {@code .register(}, if any; {@code code} is
     * {@code src} with its strings blanked (computed once per file).
     */
    private static String baseUnit(String src, String code, int from) {
        int end = code.indexOf(".register(", from);
        int nextStatement = code.indexOf(';', from);
        if (end < 0 || (nextStatement >= 0 && nextStatement < end)) {
            return null;
        }
        Matcher u = BASE_UNIT.matcher(src.substring(from, end));
        return u.find() ? u.group(1) : null;
    }

    /** The series names Micrometer's Prometheus registry exports for one meter. */
    static Set<String> prometheusNames(String meterName, Kind kind, String baseUnit) {
        String base = meterName.replaceAll("[^a-zA-Z0-9_:]", "_");
        String unit = switch (kind) {
            case TIMER, LONG_TASK_TIMER, TIME_GAUGE -> "seconds";
            default -> baseUnit;
        };
        if (kind == Kind.COUNTER && base.endsWith("_total")) {
            base = base.substring(0, base.length() - "_total".length());
        }
        if (unit != null && !base.endsWith("_" + unit)) {
            base = base + "_" + unit;
        }
        Set<String> out = new TreeSet<>();
        switch (kind) {
            case COUNTER -> out.add(base + "_total");
            case TIMER, SUMMARY -> {
                out.add(base + "_count");
                out.add(base + "_sum");
                out.add(base + "_bucket");
                out.add(base + "_max");
            }
            case LONG_TASK_TIMER -> {
                out.add(base + "_active_count");
                out.add(base + "_duration_sum");
                out.add(base + "_max");
                out.add(base + "_bucket");
            }
            default -> out.add(base);
        }
        return out;
    }
}
