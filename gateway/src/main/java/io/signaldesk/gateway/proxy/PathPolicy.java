package io.signaldesk.gateway.proxy;

import java.util.Locale;

/**
 * The gateway decides on one spelling of a path: the one it routes. Vert.x routes on the
 * normalised path (dot segments removed, encoded unreserved characters decoded) while the raw path
 * is what is forwarded; a request whose two spellings differ could be counted in one bucket, checked
 * as one route and served as another. Such requests, and spellings services may read differently
 * (matrix parameters, encoded slashes or backslashes, empty segments), are refused.
 */
final class PathPolicy {
    private PathPolicy() {}

    /** Why this path is refused, or null when its raw and routed spellings are one. */
    static String refusal(String raw, String normalized) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "The request path must start with /";
        }
        if (!raw.equals(normalized)) {
            return "The request path must be in normal form: no dot segments and no percent-encoded letters, digits or -._~";
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || raw.indexOf('\\') >= 0) {
            return "The request path must not contain encoded slashes or backslashes";
        }
        if (raw.indexOf(';') >= 0) {
            return "The request path must not contain matrix parameters (;)";
        }
        if (raw.contains("//")) {
            return "The request path must not contain empty segments (//)";
        }
        return null;
    }
}
