package io.signaldesk.gateway.console;

import io.signaldesk.platform.http.HttpProblemRoutes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console: files the {@code io.signaldesk:web} jar carries under
 * {@code META-INF/signaldesk-console/}, served from the classpath at the site root.
 *
 * <ul>
 *   <li>{@code /} and any path whose last segment has no dot (a client-side route such as
 *       {@code /approvals}) answer {@code index.html}, never cached ({@code no-cache}): a new release is
 *       seen at the next load;
 *   <li>{@code /assets/*} are Vite's content-hashed files: cached for a year, immutable;
 *   <li>other files at the root ({@code /favicon.svg}) are served when they exist, revalidated;
 *   <li>anything else with a dot is a 404, not index.html (a missing script must fail loudly, not
 *       parse HTML as JavaScript).
 * </ul>
 *
 * Never under {@code /api}, {@code /r} or {@code /q}: those are the API, referral links and (on the
 * management port only) operations. A path is served only when every segment is plain letters,
 * digits and {@code -._~} and none is a dot segment, so no spelling (encoded dots, backslashes,
 * {@code ;}) reaches the class loader. Every answer, 404s included, carries the strict CSP and the
 * other browser security headers (docs/security.md "Web console").
 */
@ApplicationScoped
public class ConsoleRoutes {
    /** After the proxy gate (1_000), before JAX-RS (20_500). */
    static final int ORDER = 1_100;

    static final String ROOT = "META-INF/signaldesk-console";
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    /** One path segment as Vite names files and the console names routes. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** Files found, by classpath name (a fixed set: the console's build). Misses are not kept. */
    private final Map<String, Buffer> files = new ConcurrentHashMap<>();

    void init(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    /** Whether this path belongs to the API, the referral links or the operational endpoints. */
    static boolean reserved(String path) {
        for (String p : new String[] {"/api", "/r", "/q"}) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The classpath file a console path names, or null when the path is not one the console may
     * serve (refused spellings, reserved prefixes, a trailing slash under /assets).
     */
    static String resourceFor(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return null;
        }
        if (path.equals("/")) {
            return ROOT + "/index.html";
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean lastAndEmpty = i == segments.length - 1 && s.isEmpty(); // /approvals/
            if (!lastAndEmpty && (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals(".."))) {
                return null;
            }
        }
        String last = segments[segments.length - 1];
        boolean assets = segments[0].equals("assets");
        if (assets) {
            // a hashed file directly under /assets (Vite's layout): nothing else
            return segments.length == 2 && last.contains(".") ? ROOT + path : null;
        }
        if (!last.contains(".")) {
            return ROOT + "/index.html"; // a client-side route
        }
        return segments.length == 1 ? ROOT + path : null;
    }

    private void handle(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || reserved(path)) {
            rc.next();
            return;
        }
        HttpMethod m = rc.request().method();
        if (m != HttpMethod.GET && m != HttpMethod.HEAD) {
            rc.next(); // JAX-RS answers 404/405 problem+json
            return;
        }
        HttpProblemRoutes.labelRoute(rc, "/{console}"); // metrics: one label, never a raw path
        HttpServerResponse resp = rc.response();
        resp.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
        // Vert.x routes on the normalised path; the console serves only paths already in normal form
        String name = path.equals(rc.normalizedPath()) ? resourceFor(path) : null;
        if (name == null) {
            notFound(resp);
            return;
        }
        Buffer cached = files.get(name);
        if (cached != null) {
            send(resp, name, cached);
            return;
        }
        rc.vertx().executeBlocking(() -> load(name)).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                notFound(resp);
            } else {
                files.put(name, ar.result().get());
                send(resp, name, ar.result().get());
            }
        });
    }

    private static Optional<Buffer> load(String name) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        URL url = cl == null ? null : cl.getResource(name);
        if (url == null || url.getPath().endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            if (e instanceof java.io.FileNotFoundException) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty(); // a directory entry on some class loaders
        }
    }

    private static void send(HttpServerResponse resp, String name, Buffer body) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean asset = name.startsWith(ROOT + "/assets/");
        resp.putHeader("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"))
                .putHeader("Cache-Control", asset ? IMMUTABLE : NO_CACHE)
                .setStatusCode(200)
                .end(body); // Vert.x writes no body for HEAD, with the same Content-Length
    }

    private static void notFound(HttpServerResponse resp) {
        resp.setStatusCode(404)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", NO_CACHE)
                .end("Not found");
    }
}
