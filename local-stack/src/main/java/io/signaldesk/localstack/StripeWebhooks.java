package io.signaldesk.localstack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook wire format for tests: the event envelope and the {@code Stripe-Signature} header
 * exactly as Stripe sends them ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}).
 */
public final class StripeWebhooks {
    private StripeWebhooks() {}

    /** {@code Stripe-Signature} for {@code payload} signed with {@code secret} at {@code epochSeconds}. */
    public static String signature(String payload, String secret, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((epochSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A snapshot event ({@code "object":"event"}) around {@code objectJson}, as Stripe posts it. */
    public static String event(String eventId, String type, String objectJson, long createdEpochSeconds) {
        return "{\"id\":" + FakeStripe.q(eventId) + ",\"object\":\"event\",\"api_version\":"
                + FakeStripe.q(FakeStripe.API_VERSION) + ",\"created\":" + createdEpochSeconds + ",\"type\":"
                + FakeStripe.q(type) + ",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"data\":{\"object\":" + objectJson + "}}";
    }
}
