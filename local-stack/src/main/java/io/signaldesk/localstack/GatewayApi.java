package io.signaldesk.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal JSON-over-HTTP client of the gateway, for the demo seed and the benchmarks. */
public final class GatewayApi {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;

    public GatewayApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Answer(int status, String body) {
        public String field(String name) {
            return GatewayApi.field(body, name);
        }

        public Answer expect(int... statuses) {
            for (int s : statuses) {
                if (status == s) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected " + status + ": " + body);
        }
    }

    public Answer post(String path, String token, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    /**
     * {@code POST /api/v1/subscriptions}, for a strategy that may have been created a moment ago:
     * approval-service learns of strategies from {@code strategies.v1}, so until that event is applied
     * it answers 422 {@code unknown-strategy}; that answer is retried for up to 30 s.
     */
    public Answer subscribe(String token, String json) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Answer a = post("/api/v1/subscriptions", token, json);
            if (a.status() != 422 || !a.body().contains("unknown-strategy") || System.nanoTime() > deadline) {
                return a;
            }
            if (!Ports.pause(100)) {
                return a;
            }
        }
    }

    public Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    public String login(String email, String password) {
        return post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .expect(200)
                .field("accessToken");
    }

    private Answer send(HttpRequest.Builder b, String token) {
        b.timeout(Duration.ofSeconds(30)).header("User-Agent", "signaldesk-tools");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("gateway not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first string value of {@code name} in a JSON text (null when absent). */
    public static String field(String json, String name) {
        Matcher m =
                Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
