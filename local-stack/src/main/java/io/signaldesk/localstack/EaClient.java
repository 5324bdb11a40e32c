package io.signaldesk.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an EA vendor writes: HMAC-signed requests to the EA API (docs/ea-protocol.md), implemented
 * here independently of the server's code so the two check each other.
 */
public final class EaClient {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final String idHeader;
    private final String deviceId;
    private volatile String secret;
    private LongSupplier clock = System::currentTimeMillis;

    public EaClient(String baseUrl, String deviceId, String secret) {
        this(baseUrl, "X-Device-Id", deviceId, secret);
    }

    private EaClient(String baseUrl, String idHeader, String deviceId, String secret) {
        this.idHeader = idHeader;
        this.baseUrl = baseUrl;
        this.deviceId = deviceId;
        this.secret = secret;
    }

    /** The same signing for an outside signal producer (X-Producer-Id). */
    public static EaClient producer(String baseUrl, String producerId, String secret) {
        return new EaClient(baseUrl, "X-Producer-Id", producerId, secret);
    }

    public EaClient withClock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    public void useSecret(String newSecret) {
        this.secret = newSecret;
    }

    public record Reply(int status, String body) {}

    public Reply poll(long waitMs) {
        return send("GET", "/api/v1/ea/poll?waitMs=" + waitMs, "", newNonce());
    }

    public Reply ack(String json) {
        return send("POST", "/api/v1/ea/ack", json, newNonce());
    }

    public Reply postSignal(String json) {
        return send("POST", "/api/v1/signals", json, newNonce());
    }

    public Reply snapshot(String json) {
        return send("POST", "/api/v1/ea/snapshot", json, newNonce());
    }

    /**
     * The four signature headers of one request (id, timestamp, a fresh nonce, signature), for
     * clients that send it themselves (the Gatling simulations).
     */
    public Map<String, String> signedHeaders(String method, String pathWithQuery, String body) {
        return signedHeaders(method, pathWithQuery, body.getBytes(StandardCharsets.UTF_8), newNonce());
    }

    private Map<String, String> signedHeaders(String method, String pathWithQuery, byte[] body, String nonce) {
        long ts = clock.getAsLong();
        String signature = sign(secret, method + "\n" + pathWithQuery + "\n" + ts + "\n" + nonce + "\n" + sha256(body));
        Map<String, String> h = new LinkedHashMap<>();
        h.put(idHeader, deviceId);
        h.put("X-Timestamp", Long.toString(ts));
        h.put("X-Nonce", nonce);
        h.put("X-Signature", signature);
        return h;
    }

    /** Any signed request, with a caller-chosen nonce (tests reuse one to check replay refusal). */
    public Reply send(String method, String pathWithQuery, String body, String nonce) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery)).timeout(Duration.ofSeconds(40));
        signedHeaders(method, pathWithQuery, bytes, nonce).forEach(b::header);
        if ("GET".equals(method)) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    static String sha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
