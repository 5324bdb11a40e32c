package io.signaldesk.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into RFC 7807 problem+json. Bad input is a 4xx with a readable detail; only a
 * real server fault is a 500, and then without internals (the trace id ties it to the logs).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.problem().status() >= 500) {
            LOG.warnf("%s %s -> %d %s", "request", uri.getPath(), e.problem().status(), e.getMessage());
        } else {
            LOG.debugf("%s -> %d %s", uri.getPath(), e.problem().status(), e.getMessage());
        }
        Response.ResponseBuilder rb = respond(e.problem(), uri);
        e.headers().forEach(rb::header);
        return rb.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::violation)
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        Problem p = Problem.of(
                        400,
                        "validation",
                        "Invalid request",
                        "The request has " + violations.size() + " invalid field(s)")
                .withViolations(violations);
        return respond(p, uri).build();
    }

    /** More specific than Quarkus' built-in mapper for this type, so ours is chosen. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-body", "Malformed request body", RequestValidator.describe(e)), uri)
                .build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"), uri)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"), uri)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this"), uri)
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadable(jpe, uri); // quarkus-rest-jackson wraps parse errors in a 400
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "server error on %s", uri.getPath());
            return respond(
                            Problem.of(
                                    status,
                                    "server-error",
                                    "Server error",
                                    "The server could not complete the request"),
                            uri)
                    .build();
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "client-error";
        };
        String title = Response.Status.fromStatusCode(status) == null
                ? "Client error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 415 -> "Send the body as application/json";
            default -> e.getMessage();
        };
        Response.ResponseBuilder rb = respond(Problem.of(status, slug, title, detail), uri);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            rb.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return rb.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e instanceof IllegalArgumentException iae && isBindingError(iae)) {
            return respond(Problem.of(400, "bad-request", "Bad request", iae.getMessage()), uri)
                    .build();
        }
        Problem fromDatabase = DatabaseFailures.asProblem(e);
        if (fromDatabase != null) {
            LOG.debugf("%s -> %d (SQLSTATE %s)", uri.getPath(), fromDatabase.status(), DatabaseFailures.sqlState(e));
            return respond(fromDatabase, uri).build();
        }
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return respond(
                        Problem.of(500, "server-error", "Server error", "The server could not complete the request"),
                        uri)
                .build();
    }

    private static boolean isBindingError(IllegalArgumentException e) {
        // Path/query parameter conversion (UUID.fromString, enums) fails with IllegalArgumentException from the JDK.
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("org.jboss.resteasy.reactive")) {
                return true;
            }
        }
        return false;
    }

    static Response.ResponseBuilder respond(Problem p, UriInfo uri) {
        Problem withContext = p.withInstance(uri == null ? null : uri.getPath()).withTraceId(currentTraceId());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(withContext);
    }

    public static String currentTraceId() {
        SpanContext ctx = Span.current().getSpanContext();
        return ctx.isValid() ? ctx.getTraceId() : null;
    }

    private static Problem.Violation violation(ConstraintViolation<?> v) {
        String path = RequestValidator.field(v);
        // "register.request.email" -> "email": drop the method and parameter segments
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
        return new Problem.Violation(field, v.getMessage());
    }
}
