package io.signaldesk.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.platform.http.HttpProblemRoutes;
import io.signaldesk.platform.problem.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Proxies the streaming routes ({@code gateway.streams.paths}: the console's server-sent events). A
 * stream holds its upstream connection for as long as the browser tab is open, so it must not take
 * one of the normal proxy's pooled connections (a few hundred open tabs would starve every other
 * request of that service): streams get their own client and pool, without the normal proxy's
 * 30 s idle timeout (theirs is {@code gateway.streams.idle-timeout}, above the service's 15 s
 * keepalives). Each event is passed on as it arrives (piped, never buffered).
 *
 * <p>Bounds: {@code gateway.streams.per-user} open streams per user (429), {@code gateway.streams.max}
 * per gateway instance (503). The JWT is checked at connect by {@link GatewayRoutes}; a stream ends
 * when that token expires, so the client reconnects with a fresh one (a signed-out user's stream
 * does not outlive their access token). When the client leaves, the upstream request is reset, so
 * the service releases its listener too.
 */
final class StreamProxy {
    private static final Logger LOG = Logger.getLogger(StreamProxy.class);
    /** Request headers a stream passes on; everything else (cookies included) stays at the edge. */
    private static final List<String> FORWARDED =
            List.of("Authorization", "Accept", "Last-Event-ID", "User-Agent", "Accept-Language");
    /** Response headers of the service passed back to the client. */
    private static final List<String> RETURNED = List.of(
            "Content-Type", "Cache-Control", "X-Accel-Buffering", "WWW-Authenticate", "Retry-After", "Content-Length");

    private final GatewayConfig.Streams config;
    private final HttpClient client;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    StreamProxy(Vertx vertx, GatewayConfig config, MeterRegistry metrics) {
        this.config = config.streams();
        this.vertx = vertx;
        this.metrics = metrics;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setIdleTimeout((int) this.config.idleTimeout().toSeconds())
                .setKeepAlive(false) // a stream's connection is never reused: it ends with the stream
                .setMaxPoolSize(this.config.max()));
        Gauge.builder("signaldesk.gateway.streams", open, AtomicInteger::get)
                .description("Streaming requests (live approvals) this gateway instance holds open")
                .register(metrics);
    }

    boolean isStream(String method, String path) {
        return "GET".equals(method) && config.paths().contains(path);
    }

    int openStreams() {
        return open.get();
    }

    /**
     * Streams the request to {@code origin}. {@code user} is the verified token's subject and
     * {@code expiresAt} its expiry (epoch seconds, 0 when unknown).
     */
    void handle(RoutingContext rc, String service, URI origin, String user, long expiresAt) {
        if (!acquire(rc, user)) {
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                perUser.computeIfPresent(user, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        };
        java.util.concurrent.atomic.AtomicReference<HttpClientRequest> upstream =
                new java.util.concurrent.atomic.AtomicReference<>();
        // the response ended, or the client left (closed the tab, lost the network): end the upstream too
        rc.addEndHandler(v -> {
            release.run();
            HttpClientRequest r = upstream.get();
            if (r != null) {
                r.reset();
            }
        });
        var in = rc.request();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(origin.getHost())
                .setPort(origin.getPort())
                .setURI(in.uri());
        for (String h : FORWARDED) {
            String v = in.getHeader(h);
            if (v != null) {
                options.putHeader(h, v);
            }
        }
        String clientIp =
                in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        // the client as the gateway resolved it, never a chain the client wrote (as the ordinary proxy)
        options.putHeader("X-Forwarded-For", clientIp);
        options.putHeader("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        W3CTraceContextPropagator.getInstance().inject(Context.current(), options, (o, k, v) -> o.putHeader(k, v));

        client.request(options)
                .onFailure(err -> upstreamFailed(rc, service, err, release))
                .onSuccess(req -> {
                    upstream.set(req);
                    if (released.get()) { // the client left while we connected
                        req.reset();
                        return;
                    }
                    // A token accepted within the verification's clock skew may be past its exp
                    // already (ttl <= 0), and one without exp has none: both end at once, never never.
                    long ttl = expiresAt <= 0 ? 0 : expiresAt * 1000 - System.currentTimeMillis();
                    long timer = vertx.setTimer(Math.max(ttl, 1), id -> {
                        LOG.debugf("stream of %s ends with its token", user);
                        req.reset();
                    });
                    req.send()
                            .onFailure(err -> {
                                vertx.cancelTimer(timer);
                                upstreamFailed(rc, service, err, release);
                            })
                            .onSuccess(up -> relay(rc, req, up, timer));
                });
    }

    private void relay(RoutingContext rc, HttpClientRequest req, HttpClientResponse up, long timer) {
        HttpServerResponse down = rc.response();
        if (down.closed()) {
            req.reset();
            return;
        }
        down.setStatusCode(up.statusCode());
        for (String h : RETURNED) {
            String v = up.getHeader(h);
            if (v != null) {
                down.putHeader(h, v);
            }
        }
        if (up.getHeader("Content-Length") == null) {
            down.setChunked(true);
        }
        up.pipeTo(down).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.failed()) {
                // the upstream ended abruptly (reset at token expiry, service restart) or the client left
                req.reset();
                if (!down.ended() && !down.closed()) {
                    down.end(); // a clean end of the chunked body: the client reconnects
                }
            }
        });
    }

    private boolean acquire(RoutingContext rc, String user) {
        // counted inside the map's atomic update: a release removing a counter at 0 can never race
        // an acquire that took the old counter object
        int[] now = new int[1];
        perUser.compute(user, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            now[0] = c.incrementAndGet();
            return c;
        });
        if (now[0] > config.perUser()) {
            perUser.computeIfPresent(user, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            refuse(
                    rc,
                    "per-user",
                    429,
                    "rate-limited",
                    "Too many requests",
                    "You have " + config.perUser() + " live streams open already; close one (another tab)");
            return false;
        }
        if (open.incrementAndGet() > config.max()) {
            open.decrementAndGet();
            perUser.computeIfPresent(user, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            refuse(
                    rc,
                    "total",
                    503,
                    "too-many-streams",
                    "Service unavailable",
                    "This gateway carries as many live streams as it may; retry shortly");
            return false;
        }
        return true;
    }

    private void refuse(RoutingContext rc, String limit, int status, String slug, String title, String detail) {
        metrics.counter("signaldesk.gateway.streams.refused", "limit", limit).increment();
        rc.response().putHeader("Retry-After", "10");
        HttpProblemRoutes.send(rc, Problem.of(status, slug, title, detail));
    }

    private void upstreamFailed(RoutingContext rc, String service, Throwable err, Runnable release) {
        release.run();
        if (rc.response().headWritten() || rc.response().closed()) {
            return;
        }
        boolean timeout = err instanceof TimeoutException;
        int status = timeout ? 504 : 503;
        metrics.counter("signaldesk.gateway.upstream_failures", "service", service, "status", Integer.toString(status))
                .increment();
        LOG.warnf("upstream %s failed for a stream: %s", service, err.toString());
        if (!timeout) {
            rc.response().putHeader("Retry-After", "5");
        }
        HttpProblemRoutes.send(
                rc,
                Problem.of(
                        status,
                        timeout ? "upstream-timeout" : "service-unavailable",
                        timeout ? "Gateway timeout" : "Service unavailable",
                        "The " + service + " service " + (timeout ? "did not answer in time" : "is not reachable")));
    }
}
