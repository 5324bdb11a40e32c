package io.signaldesk.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.signaldesk.localstack.EaClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A Gatling request signed by an {@link EaClient} (a terminal's or a producer's key), fresh for each send. */
final class Signed {
    private Signed() {}

    /**
     * {@code method path} at {@code base}, signed by {@code client} with its id in {@code idHeader}
     * ({@code X-Device-Id}, {@code X-Producer-Id}), the body made per session, answered {@code expected}.
     */
    static ChainBuilder request(
            String base,
            String name,
            String idHeader,
            String method,
            String path,
            int expected,
            Function<Session, EaClient> client,
            Function<Session, String> body,
            CheckBuilder... checks) {
        var req = "GET".equals(method)
                ? http(name).get(base + path)
                : http(name).post(base + path).body(StringBody("#{body}")).header("Content-Type", "application/json");
        List<CheckBuilder> all = new ArrayList<>(List.of(status().is(expected)));
        all.addAll(List.of(checks));
        return exec(s -> {
                    String b = body.apply(s);
                    Map<String, String> h = client.apply(s).signedHeaders(method, path, b);
                    return s.set("body", b)
                            .set("id", h.get(idHeader))
                            .set("ts", h.get("X-Timestamp"))
                            .set("nonce", h.get("X-Nonce"))
                            .set("sig", h.get("X-Signature"));
                })
                .exec(req.header(idHeader, "#{id}")
                        .header("X-Timestamp", "#{ts}")
                        .header("X-Nonce", "#{nonce}")
                        .header("X-Signature", "#{sig}")
                        .check(all));
    }

    static final String SNAPSHOT =
            "{\"balance\":\"10000.00\",\"equity\":\"10000.00\",\"currency\":\"USD\",\"positions\":[]}";

    /**
     * An EA snapshot body: with probability {@code changedShare} one whose equity differs from every
     * earlier one (as a terminal with an open position reports it), else the same as before (an idle
     * terminal; approval-service publishes it only once a minute).
     */
    static String snapshot(double changedShare) {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        if (r.nextDouble() >= changedShare) {
            return SNAPSHOT;
        }
        return "{\"balance\":\"10000.00\",\"equity\":\"" + (9000 + r.nextInt(2000)) + "." + (10 + r.nextInt(90))
                + "\",\"currency\":\"USD\",\"positions\":[]}";
    }
}
