package io.signaldesk.platform.hmac;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform request signature, used by EA devices and signal producers:
 * <pre>
 * canonical = METHOD + "\n" + PATH_WITH_QUERY + "\n" + TIMESTAMP_MS + "\n" + NONCE + "\n" + hex(sha256(body))
 * signature = hex(hmac_sha256(utf8(secret), utf8(canonical)))
 * </pre>
 * Hex is lowercase. An empty body hashes to e3b0c442...b855. See docs/ea-protocol.md for vectors.
 */
public final class Hmac {
    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {}

    public static String canonical(String method, String pathWithQuery, long timestampMs, String nonce, byte[] body) {
        return method.toUpperCase(Locale.ROOT) + "\n" + pathWithQuery + "\n" + timestampMs + "\n" + nonce + "\n"
                + sha256Hex(body == null ? new byte[0] : body);
    }

    public static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of the expected signature with the presented one. */
    public static boolean verify(String secret, String canonical, String presentedHex) {
        if (presentedHex == null) {
            return false;
        }
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = presentedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }
}
