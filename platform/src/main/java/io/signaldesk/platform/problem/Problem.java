package io.signaldesk.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * RFC 7807 (RFC 9457) problem details, sent as {@code application/problem+json}.
 * {@code type} is a stable URI per kind of problem, documented in {@code docs/api.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String traceId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://signaldesk.io/problems/";

    public record Violation(String field, String message) {}

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, traceId, violations);
    }

    public Problem withTraceId(String id) {
        return new Problem(type, title, status, detail, instance, id, violations);
    }

    public Problem withViolations(List<Violation> v) {
        return new Problem(type, title, status, detail, instance, traceId, v);
    }
}
