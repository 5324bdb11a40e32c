package io.signaldesk.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.gateway.ratelimit.RateLimiter;
import io.signaldesk.platform.http.HttpProblemRoutes;
import io.signaldesk.platform.logging.SecretMasking;
import io.signaldesk.platform.problem.Problem;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The edge: every {@code /api/v1/**} and {@code /r/**} (referral link) request is rate limited (per IP, per user, stricter on auth);
 * requests under a service's prefixes are checked for a valid JWT (unless the route carries its own
 * signature) and streamed to that service with the Vert.x HTTP proxy. A service that is down or
 * silent answers 503 / 504 problem+json. The gateway's own routes (auth, me) fall through to JAX-RS.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /** Before JAX-RS (20_500), after Quarkus' own body-limit and security routes. */
    static final int ORDER = 1_000;
    /** Register, login, refresh, logout: the strict per-IP bucket. */
    static final String AUTH_PREFIX = "/api/v1/auth";

    private final GatewayConfig config;
    private final JWTParser jwtParser;
    private final RateLimiter limiter;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final List<ServiceRoute> routes = new ArrayList<>();
    /** Per service: the proxy of its long-poll routes, on the long-poll client and pool. */
    private final Map<String, ProxyHandler> longPolls = new java.util.HashMap<>();

    /** The long-lived streaming routes: their own upstream pool and limits. */
    private StreamProxy streams;

    /**
     * An operation that passes without a JWT because the service checks its own signature: one method
     * and one path template, a {@code {name}} segment standing for exactly one non-empty segment. No
     * prefix: a new endpoint beside a public one needs a JWT until it is listed (and
     * {@code GatewayRouteTableIT} fails until a signed one is).
     */
    record PublicRoute(String method, List<String> segments) {
        boolean matches(String method, String path) {
            if (!this.method.equals(method)) {
                return false;
            }
            String[] parts = path.split("/", -1);
            if (parts.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                String s = segments.get(i);
                boolean variable = s.startsWith("{") && s.endsWith("}");
                if (variable ? parts[i].isEmpty() : !s.equals(parts[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    record ServiceRoute(
            String name, URI url, List<String> prefixes, List<PublicRoute> publicRoutes, ProxyHandler handler) {
        /** The metrics label of a path this service owns ({@code /api/v1/approvals/{path}}), or null when it does not own it. */
        String template(String path) {
            for (String p : prefixes) {
                if (path.equals(p)) {
                    return p;
                }
                if (matches(path, p)) {
                    return p + "/{path}";
                }
            }
            return null;
        }

        boolean isPublic(String method, String path) {
            return publicRoutes.stream().anyMatch(r -> r.matches(method, path));
        }
    }

    static boolean matches(String path, String prefix) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public GatewayRoutes(
            GatewayConfig config, JWTParser jwtParser, RateLimiter limiter, Vertx vertx, MeterRegistry metrics) {
        this.config = config;
        this.jwtParser = jwtParser;
        this.limiter = limiter;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void init(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setIdleTimeout((int) config.proxy().idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(config.proxy().maxPoolSize()));
        HttpClient longPollClient = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setIdleTimeout((int) config.proxy().longPollIdleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(config.proxy().longPollPoolSize()));
        for (Map.Entry<String, GatewayConfig.Route> e : config.routes().entrySet()) {
            URI url = e.getValue().url();
            List<PublicRoute> pub = e.getValue().publicRoutes().orElse(List.of()).stream()
                    .map(GatewayRoutes::parsePublic)
                    .toList();
            // No WebSocket pass-through: the proxy would send an upgrade request before any interceptor,
            // with the client's own X-Forwarded-For; no service speaks WebSocket.
            ProxyOptions options = new ProxyOptions().setSupportWebSocket(false);
            HttpProxy proxy = HttpProxy.reverseProxy(options, client).origin(url.getPort(), url.getHost());
            proxy.addInterceptor(new Forwarding(e.getKey(), pub));
            HttpProxy longPollProxy =
                    HttpProxy.reverseProxy(options, longPollClient).origin(url.getPort(), url.getHost());
            longPollProxy.addInterceptor(new Forwarding(e.getKey(), pub));
            longPolls.put(e.getKey(), ProxyHandler.create(longPollProxy));
            routes.add(new ServiceRoute(e.getKey(), url, e.getValue().prefixes(), pub, ProxyHandler.create(proxy)));
        }
        streams = new StreamProxy(vertx, config, metrics);
        router.route("/api/*").order(ORDER).handler(this::gate);
        router.route("/r/*").order(ORDER).handler(this::gate); // referral links (affiliate-service)
    }

    /** {@code "POST /api/v1/hooks/tradingview/{token}"}; anything else stops the gateway at startup. */
    static PublicRoute parsePublic(String spec) {
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 2
                || !parts[0].matches("GET|POST|PUT|PATCH|DELETE")
                || !(parts[1].startsWith("/api/") || parts[1].startsWith("/r/"))
                || parts[1].endsWith("/")
                || parts[1].contains("//")) {
            throw new IllegalArgumentException("gateway public route '" + spec
                    + "' must be one method and one path template, e.g. POST /api/v1/hooks/tradingview/{token}");
        }
        return new PublicRoute(parts[0], List.of(parts[1].split("/", -1)));
    }

    private void gate(RoutingContext rc) {
        String path = rc.request().path();
        String refusal = PathPolicy.refusal(path, rc.normalizedPath());
        if (refusal != null) {
            HttpProblemRoutes.send(rc, Problem.of(400, "bad-request", "Bad request", refusal));
            return;
        }
        // From here on every decision (bucket, owner, public or not) and the proxied request use this one path.
        String method = rc.request().method().name();
        String ip = rc.request().remoteAddress() == null
                ? "unknown"
                : rc.request().remoteAddress().hostAddress();
        ServiceRoute route = null;
        String template = null;
        for (ServiceRoute r : routes) {
            template = r.template(path);
            if (template != null) {
                route = r;
                break;
            }
        }
        if (route != null) {
            HttpProblemRoutes.labelRoute(rc, template); // metrics: bounded labels, never a raw id or token
        }

        JsonWebToken jwt = null;
        String auth = rc.request().getHeader("Authorization");
        boolean needsJwt = route != null && !route.isPublic(method, path);
        if (needsJwt) {
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                unauthorized(rc, "A bearer token is required");
                return;
            }
            try {
                jwt = jwtParser.parse(auth.substring(7).trim());
            } catch (ParseException e) {
                LOG.debugf("rejected token on %s: %s", template, e.getMessage());
                // a bad token still costs its sender a token of the IP bucket: guessing is rate limited too
                limited(
                        rc,
                        List.of(new RateLimiter.Check(RateLimiter.Kind.IP, ip)),
                        () -> unauthorized(rc, "The bearer token is invalid or expired"));
                return;
            }
        }
        RateLimiter.Kind ipKind = matches(path, AUTH_PREFIX) ? RateLimiter.Kind.AUTH_IP : RateLimiter.Kind.IP;
        String subject = jwt == null ? null : jwt.getSubject();
        List<RateLimiter.Check> checks = subject == null
                ? List.of(new RateLimiter.Check(ipKind, ip))
                : List.of(new RateLimiter.Check(ipKind, ip), new RateLimiter.Check(RateLimiter.Kind.USER, subject));
        ServiceRoute target = route;
        JsonWebToken verified = jwt;
        limited(rc, checks, () -> {
            if (target == null) {
                rc.next(); // the gateway's own endpoints
            } else if (verified != null && streams.isStream(method, path)) {
                streams.handle(rc, target.name(), target.url(), subject, verified.getExpirationTime());
            } else if ("GET".equals(method) && config.proxy().longPollPaths().contains(path)) {
                longPolls.get(target.name()).handle(rc); // a pool of their own: never the ordinary requests'
            } else {
                target.handler().handle(rc);
            }
        });
    }

    /**
     * Takes the request's tokens (one Redis round trip) and then runs {@code next}, or answers 429.
     * Whatever thread the limiter's answer arrives on (a Redis reply, a timeout timer), the request
     * continues on its own Vert.x context: JAX-RS, Hibernate Reactive and the proxy must run there.
     */
    private void limited(RoutingContext rc, List<RateLimiter.Check> checks, Runnable next) {
        io.vertx.core.Context own = Vertx.currentContext();
        limiter.tryConsume(checks)
                .emitOn(task -> own.runOnContext(v -> task.run()))
                .subscribe()
                .with(
                        d -> {
                            if (!d.allowed()) {
                                metrics.counter(
                                                "signaldesk.gateway.rate_limited",
                                                "kind",
                                                d.refusedBy().name())
                                        .increment();
                                rc.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                                HttpProblemRoutes.send(
                                        rc,
                                        Problem.of(
                                                429,
                                                "rate-limited",
                                                "Too many requests",
                                                "Slow down: retry after " + d.retryAfterSeconds() + " s"));
                                return;
                            }
                            next.run();
                        },
                        rc::fail);
    }

    private static void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        HttpProblemRoutes.send(rc, Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    /** Adds forwarding and trace headers, and turns an unreachable or silent service into problem+json. */
    private final class Forwarding implements ProxyInterceptor {
        private final String service;
        private final List<PublicRoute> publicRoutes;

        Forwarding(String service, List<PublicRoute> publicRoutes) {
            this.service = service;
            this.publicRoutes = publicRoutes;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
            ProxyRequest req = ctx.request();
            var incoming = req.proxiedRequest();
            String clientIp = incoming.remoteAddress() == null
                    ? "unknown"
                    : incoming.remoteAddress().hostAddress();
            // The client as the gateway resolved it (behind a trusted ingress: the address the ingress
            // saw), never a chain a client wrote itself: services take this one value as the client.
            req.headers().set("X-Forwarded-For", clientIp);
            req.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            W3CTraceContextPropagator.getInstance().inject(Context.current(), req.headers(), (h, k, v) -> h.set(k, v));
            boolean retryable = retryable(incoming);
            return ctx.sendRequest().recover(err -> {
                if (retryable && connectionLost(err)) {
                    // The connection closed before any answer (a pooled connection the service had just
                    // closed, a replica that died): a read is sent once more (another pooled connection
                    // or a new one; if that one is lost too, the answer is 503).
                    metrics.counter("signaldesk.gateway.upstream_retries", "service", service)
                            .increment();
                    LOG.debugf("upstream %s lost the connection (%s); sending the read once more", service, err);
                    req.setBody(null); // a read has none; the first attempt used up the incoming stream
                    return ctx.sendRequest().recover(again -> failed(req, incoming, again));
                }
                return failed(req, incoming, err);
            });
        }

        /**
         * Only a read is sent twice: a GET without a body on a route the gateway checked the JWT of.
         * Never a write, never a HEAD (upstream it runs the GET method, and the public referral click
         * records on GET), never a signed route (its nonce was spent by the first attempt), never an EA
         * long poll (it may have leased commands), and never a path with a trailing slash (a spelling the
         * public-route and long-poll checks do not know). Forwarding is the proxy's last interceptor, so
         * {@code sendRequest()} again goes straight upstream.
         */
        private boolean retryable(io.vertx.core.http.HttpServerRequest incoming) {
            String method = incoming.method().name();
            if (!"GET".equals(method)) {
                return false;
            }
            String length = incoming.getHeader("Content-Length");
            if ((length != null && !"0".equals(length.trim())) || incoming.getHeader("Transfer-Encoding") != null) {
                return false;
            }
            String path = incoming.path();
            return !path.endsWith("/")
                    && !config.proxy().longPollPaths().contains(path)
                    && publicRoutes.stream().noneMatch(r -> r.matches(method, path));
        }

        /** Closed before an answer, or refused (another replica may take it); never a timeout. */
        private static boolean connectionLost(Throwable err) {
            if (err instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
            return err instanceof java.net.ConnectException
                    && !(err instanceof io.netty.channel.ConnectTimeoutException);
        }

        private Future<ProxyResponse> failed(
                ProxyRequest req, io.vertx.core.http.HttpServerRequest incoming, Throwable err) {
            boolean timeout = err instanceof TimeoutException;
            int status = timeout ? 504 : 503;
            metrics.counter(
                            "signaldesk.gateway.upstream_failures",
                            "service",
                            service,
                            "status",
                            Integer.toString(status))
                    .increment();
            LOG.warnf("upstream %s failed for %s: %s", service, SecretMasking.mask(incoming.path()), err.toString());
            Problem p = Problem.of(
                            status,
                            timeout ? "upstream-timeout" : "service-unavailable",
                            timeout ? "Gateway timeout" : "Service unavailable",
                            "The " + service + " service " + (timeout ? "did not answer in time" : "is not reachable"))
                    .withInstance(incoming.path());
            if (incoming.isEnded()) {
                // release() resumes the incoming body to drain it; an HTTP/2 request whose body was all
                // read throws on resume, and then no answer was ever written (the client waited out its
                // own timeout)
                req.setBody(null);
            }
            ProxyResponse resp = req.release()
                    .response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(Json.encode(p))));
            if (!timeout) {
                resp.putHeader("Retry-After", "5");
            }
            return Future.succeededFuture(resp);
        }
    }
}
