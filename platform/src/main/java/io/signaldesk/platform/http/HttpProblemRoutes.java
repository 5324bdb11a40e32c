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
 * of Vert.x's empty bodies: a declared body over the size limit (413).
 */
@ApplicationScoped
public class HttpProblemRoutes {
    /** Quarkus enforces the body limit at route order -2; this runs just before it. */
    static final int BEFORE_BODY_LIMIT = -3;

    private final long maxBody;

    public HttpProblemRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void routes(@Observes Router router) {
        router.route().order(BEFORE_BODY_LIMIT).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext rc) {
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
                send(rc, Problem.of(413, "payload-too-large", "Payload too large",
                        "The body is " + len + " bytes; the limit is " + maxBody + " bytes"));
                return;
            }
        }
        rc.next();
    }

    /** Writes a problem+json response directly on a Vert.x route. */
    public static void send(RoutingContext rc, Problem p) {
        Problem withPath = p.withInstance(rc.request().path());
        rc.response().setStatusCode(p.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(withPath));
    }
}
