package io.signaldesk.localstack.metrics;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a full parser:
 * it skips string literals, label matcher blocks {@code {...}}, range and subquery brackets
 * {@code [...]}, the label lists of {@code by/without/on/ignoring/group_left/group_right}, numbers
 * and durations, Grafana variables ({@code $x}, {@code ${x}}), keywords and anything followed by
 * {@code (} (a function or an aggregation). What is left is the name of a series selector.
 *
 * <p>Validity of the expression is promtool's job; this only has to be right on valid PromQL.
 */
public final class PromQlNames {
    private PromQlNames() {}

    /** Aggregation operators may be followed by {@code by (...)} before their parenthesis. */
    private static final Set<String> KEYWORDS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio",
            "and",
            "or",
            "unless",
            "atan2",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    /** Keywords followed by a parenthesised list of label names, not of expressions. */
    private static final Set<String> LABEL_LISTS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    public static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '{') {
                i = skipBlock(expr, i, '{', '}');
            } else if (c == '[') {
                i = skipBlock(expr, i, '[', ']');
            } else if (c == '#') { // a comment runs to the end of the line
                int eol = expr.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '$') {
                i = skipVariable(expr, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++; // 0.99, 1e3, 0x1f, 5m, 1h30m
                }
            } else if (isIdentStart(c)) {
                int start = i;
                while (i < n && isIdentPart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                if (LABEL_LISTS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    if (call) {
                        i = skipBlock(expr, next, '(', ')');
                    }
                } else if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isIdentStart(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i++);
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    /** From an opening bracket to just after its match, stepping over strings inside. */
    private static int skipBlock(String s, int i, char open, char close) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int skipVariable(String s, int i) {
        i++;
        if (i < s.length() && s.charAt(i) == '{') {
            int end = s.indexOf('}', i);
            return end < 0 ? s.length() : end + 1;
        }
        while (i < s.length() && isIdentPart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The expression as plain PromQL for promtool: Grafana's interval variables become {@code 5m},
     * any other variable {@code .*} inside a string (a label matcher's value) and {@code x} outside.
     */
    public static String withoutGrafanaVariables(String expr) {
        String s = expr.replaceAll("\\$\\{?__(rate_interval|interval|range)(:[^}]*)?}?", "5m");
        StringBuilder out = new StringBuilder();
        int i = 0;
        char quote = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`' && i + 1 < s.length()) {
                    out.append(c).append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
            if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '{' || isIdentStart(s.charAt(i + 1)))) {
                out.append(quote != 0 ? ".*" : "x");
                i = skipVariable(s, i);
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
