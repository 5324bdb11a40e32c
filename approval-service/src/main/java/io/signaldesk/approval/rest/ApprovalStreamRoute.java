package io.signaldesk.approval.rest;

import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.service.ApprovalStreams;
import io.signaldesk.platform.http.HttpProblemRoutes;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.security.PathIds;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/approvals/stream}: the signed-in trader's approval changes as server-sent events,
 * {@code event: approval} with {@code data: {"id","status","executionStatus"}}, and a
 * {@code : keepalive} comment at connect and every {@code approval.stream.keepalive}. A Vert.x route
 * rather than JAX-RS so that each byte on the wire is ours (SSE comments, flushing per event) and the
 * stream's end (the client leaving, a slow client) always releases its listener and timer.
 *
 * <p>The bearer token is verified here, as on every other endpoint of this service; the user's id is
 * its subject, so a stream only ever carries that user's approvals.
 */
@ApplicationScoped
public class ApprovalStreamRoute {
    private static final Logger LOG = Logger.getLogger(ApprovalStreamRoute.class);
    static final String PATH = "/api/v1/approvals/stream";
    /** Before JAX-RS (whose /api/v1/approvals/{id} would take "stream" for an id). */
    static final int ORDER = 1_000;

    static final String KEEPALIVE = ": keepalive\n\n";

    private final ApprovalStreams streams;
    private final JWTParser jwt;
    private final ApprovalConfig config;

    public ApprovalStreamRoute(ApprovalStreams streams, JWTParser jwt, ApprovalConfig config) {
        this.streams = streams;
        this.jwt = jwt;
        this.config = config;
    }

    void init(@Observes Router router) {
        router.get(PATH).order(ORDER).handler(this::stream);
    }

    private void stream(RoutingContext rc) {
        HttpProblemRoutes.labelRoute(rc, PATH);
        String auth = rc.request().getHeader("Authorization");
        UUID user = null;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                user = PathIds.parse(jwt.parse(auth.substring(7).trim()).getSubject());
            } catch (ParseException e) {
                LOG.debugf("stream refused: %s", e.getMessage());
            }
        }
        if (user == null) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            HttpProblemRoutes.send(
                    rc, Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"));
            return;
        }
        if (streams.openStreams() >= config.stream().max()) {
            rc.response().putHeader("Retry-After", "10");
            HttpProblemRoutes.send(
                    rc,
                    Problem.of(503, "too-many-streams", "Service unavailable", "Too many live streams; retry later"));
            return;
        }
        HttpServerResponse resp = rc.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no"); // a buffering proxy in front must pass each event on
        Vertx vertx = rc.vertx();
        Context own = Vertx.currentContext();
        AtomicBoolean ended = new AtomicBoolean();
        long[] timer = {-1};
        Runnable[] stop = new Runnable[1];
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                if (stop[0] != null) {
                    stop[0].run();
                }
                vertx.cancelTimer(timer[0]);
            }
        };
        resp.closeHandler(v -> end.run());
        resp.exceptionHandler(t -> end.run());
        resp.endHandler(v -> end.run());
        UUID userId = user;
        // events arrive on the Redis client's thread: write them on this connection's own context
        stop[0] = streams.listen(
                userId, msg -> own.runOnContext(v -> write(resp, "event: approval\ndata: " + msg + "\n\n", end)));
        timer[0] = vertx.setPeriodic(config.stream().keepalive().toMillis(), id -> write(resp, KEEPALIVE, end));
        write(resp, KEEPALIVE, end); // headers and a first line now: the client knows it is connected
    }

    /** A client that does not read (its queue is full) is dropped; it reconnects and refetches. */
    private static void write(HttpServerResponse resp, String text, Runnable end) {
        if (resp.ended() || resp.closed()) {
            end.run();
            return;
        }
        if (resp.writeQueueFull()) {
            LOG.debugf("dropping a live stream whose client does not read");
            end.run();
            resp.reset();
            return;
        }
        resp.write(text);
    }
}
