package io.signaldesk.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in approval-service for the stream tests: GET /api/v1/approvals/stream answers
 * text/event-stream, sends one event at once, then one more per {@link #events} item, with a
 * keepalive every 200 ms (a write to a connection the gateway closed fails, so {@link #open}
 * counts the streams the gateway really still holds upstream). GET /api/v1/approvals answers a
 * small JSON list (an ordinary proxied request).
 */
public class FakeStreamUpstream implements QuarkusTestResourceLifecycleManager {
    static final AtomicInteger open = new AtomicInteger();
    static final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    static volatile String lastAuthorization;
    static volatile String lastForwardedFor;
    static volatile String lastCookie;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/approvals/stream", ex -> {
            lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
            lastForwardedFor = ex.getRequestHeaders().getFirst("X-Forwarded-For");
            lastCookie = ex.getRequestHeaders().getFirst("Cookie");
            ex.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().add("Cache-Control", "no-cache, no-store");
            ex.sendResponseHeaders(200, 0); // chunked: the body never ends by itself
            open.incrementAndGet();
            try (OutputStream out = ex.getResponseBody()) {
                write(
                        out,
                        "event: approval\ndata: {\"id\":\"first\",\"status\":\"PENDING\",\"executionStatus\":null}\n\n");
                while (true) {
                    String next = events.poll(200, TimeUnit.MILLISECONDS);
                    write(out, next == null ? ": keepalive\n\n" : next);
                }
            } catch (IOException | InterruptedException e) {
                // the gateway closed the stream
            } finally {
                open.decrementAndGet();
            }
        });
        server.createContext("/api/v1/approvals", ex -> {
            byte[] b = "[]".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // both spellings: the %test one in application.properties would otherwise win
        return Map.of(
                "gateway.routes.approval.url", url,
                "%test.gateway.routes.approval.url", url,
                "gateway.streams.per-user", "2",
                "gateway.streams.max", "3",
                // a normal proxy pool smaller than the open streams: they must not use it
                "gateway.proxy.max-pool-size", "2");
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
