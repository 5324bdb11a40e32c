package io.signaldesk.signal.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signaldesk.platform.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code params} object of a FIB_RSI strategy, read into {@link FibRsi.Params}. Every key is
 * optional (the defaults fill the gaps); unknown keys and wrong types are refused, so a typo such as
 * {@code "rsiPeriode"} is a 400 rather than a silently ignored setting.
 */
public final class FibRsiParams {
    static final Set<String> KNOWN = new TreeSet<>(Set.of(
            "rsiPeriod", "oversold", "overbought", "lookback", "proximity", "stopBuffer", "fibLevels", "expiryBars"));

    private FibRsiParams() {}

    /** The parameters, or null with {@code violations} (fields {@code params.<name>}) filled. */
    public static FibRsi.Params read(JsonNode params, List<Problem.Violation> violations) {
        FibRsi.Params d = FibRsi.Params.defaults();
        if (params == null || params.isNull()) {
            return d;
        }
        int before = violations.size();
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN.contains(name)) {
                violations.add(new Problem.Violation(
                        "params." + name, "unknown parameter; known: " + String.join(", ", KNOWN)));
            }
        }
        int rsiPeriod = integer(params, "rsiPeriod", d.rsiPeriod(), violations);
        BigDecimal oversold = decimal(params, "oversold", d.oversold(), violations);
        BigDecimal overbought = decimal(params, "overbought", d.overbought(), violations);
        int lookback = integer(params, "lookback", d.lookback(), violations);
        BigDecimal proximity = decimal(params, "proximity", d.proximity(), violations);
        BigDecimal stopBuffer = decimal(params, "stopBuffer", d.stopBuffer(), violations);
        List<BigDecimal> levels = d.levels();
        JsonNode l = params.get("fibLevels");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) {
                violations.add(new Problem.Violation("params.fibLevels", "must be an array of ratios"));
            } else {
                levels = new ArrayList<>();
                for (JsonNode r : l) {
                    BigDecimal v = asDecimal(r);
                    if (v == null) {
                        violations.add(new Problem.Violation("params.fibLevels", "must be an array of ratios"));
                        break;
                    }
                    levels.add(v);
                }
            }
        }
        int expiryBars = integer(params, "expiryBars", d.expiryBars(), violations);
        if (violations.size() > before) {
            return null;
        }
        FibRsi.Params p = new FibRsi.Params(
                rsiPeriod, oversold, overbought, lookback, proximity, stopBuffer, List.copyOf(levels), expiryBars);
        for (String problem : p.problems()) {
            int colon = problem.indexOf(':');
            violations.add(
                    new Problem.Violation("params." + problem.substring(0, colon), problem.substring(colon + 2)));
        }
        return violations.size() > before ? null : p;
    }

    /** All parameters, defaults included: what the strategy actually runs with. */
    public static ObjectNode json(FibRsi.Params p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("rsiPeriod", p.rsiPeriod());
        n.put("oversold", p.oversold());
        n.put("overbought", p.overbought());
        n.put("lookback", p.lookback());
        n.put("proximity", p.proximity());
        n.put("stopBuffer", p.stopBuffer());
        ArrayNode levels = n.putArray("fibLevels");
        p.levels().forEach(levels::add);
        n.put("expiryBars", p.expiryBars());
        return n;
    }

    private static int integer(JsonNode params, String name, int fallback, List<Problem.Violation> violations) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        BigDecimal d = asDecimal(v);
        if (d == null
                || d.scale() > 0
                || d.compareTo(BigDecimal.valueOf(100_000)) > 0
                || d.compareTo(BigDecimal.valueOf(-100_000)) < 0) {
            violations.add(new Problem.Violation("params." + name, "must be a whole number"));
            return fallback;
        }
        return d.intValueExact();
    }

    private static BigDecimal decimal(
            JsonNode params, String name, BigDecimal fallback, List<Problem.Violation> violations) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        BigDecimal d = asDecimal(v);
        if (d == null) {
            violations.add(new Problem.Violation("params." + name, "must be a decimal number"));
            return fallback;
        }
        return d;
    }

    /**
     * A JSON number or a decimal string ({@code 0.618} or {@code "0.618"}) of a sane size (at most 20
     * digits either side of the point, so {@code 1e2147483647} is refused, not expanded); null for
     * anything else.
     */
    private static BigDecimal asDecimal(JsonNode v) {
        BigDecimal d;
        try {
            if (v.isNumber()) {
                d = v.decimalValue();
            } else if (v.isTextual() && v.textValue().length() <= 40) {
                d = new BigDecimal(v.textValue().trim());
            } else {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (d.scale() > 20 || (long) d.precision() - d.scale() > 20) {
            return null;
        }
        return plain(d);
    }

    /** No trailing zeros and never in exponent form: {@code 30}, not {@code 3E+1}. */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
