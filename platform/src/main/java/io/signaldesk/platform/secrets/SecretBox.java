package io.signaldesk.platform.secrets;

import io.signaldesk.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets that must be stored recoverably (HMAC keys of devices and producers: the server
 * needs the key itself to verify a signature) with AES-256-GCM under {@code signaldesk.secrets.key}.
 * Stored form: base64(12-byte nonce || ciphertext || tag). Also generates new secrets.
 */
@ApplicationScoped
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SecretBox(PlatformConfig config) {
        this(Base64.getDecoder().decode(config.secrets().key()));
    }

    public SecretBox(byte[] rawKey) {
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("signaldesk.secrets.key must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    /** A new random secret: 32 bytes, URL-safe base64 without padding (43 characters). */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String seal(String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret (wrong signaldesk.secrets.key?)", e);
        }
    }
}
