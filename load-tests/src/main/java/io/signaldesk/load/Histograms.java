package io.signaldesk.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Prometheus histogram's series read from a service's metrics before and after a run, so a run
 * reports its own counts: per series (one value of a label, such as a hop), the cumulative count per
 * bucket bound, the sum and the count.
 */
public final class Histograms {
    private Histograms() {}

    /** One series: bucket upper bound (seconds) -> cumulative count, and the sum and count. */
    public record Series(TreeMap<Double, Double> buckets, double sum, double count) {
        Series minus(Series before) {
            TreeMap<Double, Double> b = new TreeMap<>();
            buckets.forEach((le, v) -> b.put(le, v - before.buckets.getOrDefault(le, 0.0)));
            return new Series(b, sum - before.sum, count - before.count);
        }

        /** "n=…, mean …, p50 <= … p90 <= … p99 <= …" (the bucket bound that holds each rank). */
        public String describe() {
            StringBuilder sb = new StringBuilder(String.format("n=%d, mean %.1f ms", (long) count, 1000 * sum / count));
            for (double p : new double[] {50, 90, 99}) {
                double rank = p / 100 * count;
                double bound = buckets.entrySet().stream()
                        .filter(e -> e.getValue() >= rank)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(Double.NaN);
                sb.append(String.format(", p%.0f <= %s ms", p, Double.isInfinite(bound) ? "+Inf" : fmt(1000 * bound)));
            }
            return sb.toString();
        }

        private static String fmt(double ms) {
            return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
        }
    }

    /**
     * The histogram {@code name} (its Prometheus name without {@code _bucket}) at {@code managementUrl},
     * one series per value of {@code label} (all series summed under "" when null). Empty when the
     * service does not answer.
     */
    public static Map<String, Series> read(String managementUrl, String name, String label) {
        String body;
        try {
            body = Seeding.scrape(managementUrl);
        } catch (Exception e) {
            return Map.of();
        }
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        Map<String, double[]> sums = new TreeMap<>();
        body.lines().filter(l -> l.startsWith(name + "_")).forEach(line -> {
            int exemplar = line.indexOf(" # "); // OpenMetrics: "… value # {trace_id=…} …"
            String l = exemplar > 0 ? line.substring(0, exemplar) : line;
            String series = label == null ? "" : labelValue(l, label);
            String[] parts = l.trim().split(" ");
            double value = Double.parseDouble(parts[parts.length - 1]); // "name{labels} value"
            if (l.startsWith(name + "_bucket{")) {
                String le = labelValue(l, "le");
                double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.computeIfAbsent(series, k -> new TreeMap<>()).merge(bound, value, Double::sum);
            } else if (l.startsWith(name + "_sum")) {
                sums.computeIfAbsent(series, k -> new double[2])[0] += value;
            } else if (l.startsWith(name + "_count")) {
                sums.computeIfAbsent(series, k -> new double[2])[1] += value;
            }
        });
        Map<String, Series> out = new LinkedHashMap<>();
        buckets.forEach((k, b) -> {
            double[] sc = sums.getOrDefault(k, new double[2]);
            out.put(k, new Series(b, sc[0], sc[1]));
        });
        return out;
    }

    /** What happened between two reads of the same histogram. */
    public static Map<String, Series> delta(Map<String, Series> after, Map<String, Series> before) {
        Map<String, Series> out = new LinkedHashMap<>();
        Series none = new Series(new TreeMap<>(), 0, 0);
        after.forEach((k, s) -> out.put(k, s.minus(before.getOrDefault(k, none))));
        return out;
    }

    private static String labelValue(String line, String label) {
        int i = line.indexOf(label + "=\"");
        if (i < 0) {
            return "";
        }
        int from = i + label.length() + 2;
        return line.substring(from, line.indexOf('"', from));
    }
}
