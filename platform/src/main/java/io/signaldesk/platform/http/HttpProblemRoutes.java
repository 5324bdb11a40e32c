package io.signaldesk.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.signaldesk.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP-level refusals that happen before JAX-RS sees a request, answered as problem+json instead
 * of Vert.x's empty bodies: a declared body over the size limit (413), a NUL character anywhere in
 * the request line (400: Postgres cannot store it and no id or filter contains it).
 *
 * <p>It also gives every request a bounded metrics label: the HTTP server metrics use the URL
 * template that JAX-RS sets for the resource it matched ({@code /api/v1/hooks/tradingview/{token}});
 * a request that no resource template claims (refused early, proxied, unknown) would otherwise be
 * labelled with its raw path, secrets and ids included. {@link #labelRoute} sets that label.
 */
@ApplicationScoped
public class HttpProblemRoutes {
    /** Quarkus enforces the body limit at route order -2; this runs just before it. */
    static final int BEFORE_BODY_LIMIT = -3;
    /** The Vert.x context local that Quarkus' HTTP metrics and tracing read the route template from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** The label of requests that no route template claims. */
    public static final String UNMATCHED = "/{unmatched}";

    private final long maxBody;

    public HttpProblemRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void routes(@Observes Router router) {
        router.route().order(BEFORE_BODY_LIMIT).handler(this::checkRequest);
    }

    /**
     * Labels this request's metrics and spans with a route template instead of its raw path (JAX-RS
     * replaces it with its own template when it matches a resource).
     */
    public static void labelRoute(RoutingContext rc, String template) {
        if (rc.request() instanceof io.vertx.core.http.impl.HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    private void checkRequest(RoutingContext rc) {
        labelRoute(rc, UNMATCHED);
        String uri = rc.request().uri();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            send(rc, Problem.of(400, "bad-request", "Bad request", "The request URI contains a NUL character"));
            return;
        }
        String cl = rc.request().getHeader("Content-Length");
        if (cl != null) {
            long len;
            try {
                len = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                send(rc, Problem.of(400, "bad-request", "Bad request", "Content-Length is not a number"));
                return;
            }
            if (len > maxBody) {
                rc.response().putHeader("Connection", "close");
                send(
                        rc,
                        Problem.of(
                                413,
                                "payload-too-large",
                                "Payload too large",
                                "The body is " + len + " bytes; the limit is " + maxBody + " bytes"));
                return;
            }
        }
        rc.next();
    }

    /** Writes a problem+json response directly on a Vert.x route. */
    public static void send(RoutingContext rc, Problem p) {
        Problem withPath = p.withInstance(rc.request().path());
        rc.response()
                .setStatusCode(p.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(withPath));
    }
}
