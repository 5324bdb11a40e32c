package io.signaldesk.platform.secrets;

import io.signaldesk.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be stored recoverably (HMAC keys of devices and producers: the server
 * needs the key itself to verify a signature) with AES-256-GCM under {@code signaldesk.secrets.key}.
 * Stored form: base64(12-byte nonce || ciphertext || tag). Also generates new secrets.
 */
@ApplicationScoped
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SecretBox.class);
    /**
     * A random secret no signer has: verified against for unknown signers and for secrets no configured
     * key opens, so those cost the same as a wrong signature and never pass.
     */
    public static final String DECOY = newSecret();

    private final SecretKeySpec key;
    /** Every key that may open a stored secret: the current one first, then those being rotated out (never used to seal). */
    private final java.util.List<SecretKeySpec> keys;

    @Inject
    public SecretBox(PlatformConfig config) {
        this(
                Base64.getDecoder().decode(config.secrets().key()),
                config.secrets().previousKeys().orElse(java.util.List.of()).stream()
                        .map(k -> Base64.getDecoder().decode(k.trim()))
                        .toList());
    }

    public SecretBox(byte[] rawKey) {
        this(rawKey, java.util.List.of());
    }

    /** {@code previousKeys}: keys rotated out, tried in order when the current one cannot open a stored secret. */
    public SecretBox(byte[] rawKey, java.util.List<byte[]> previousKeys) {
        this.key = spec(rawKey, "signaldesk.secrets.key");
        java.util.List<SecretKeySpec> all = new java.util.ArrayList<>();
        all.add(key);
        previousKeys.forEach(k -> all.add(spec(k, "signaldesk.secrets.previous-keys")));
        this.keys = java.util.List.copyOf(all);
    }

    private static SecretKeySpec spec(byte[] rawKey, String setting) {
        if (rawKey.length != 32) {
            throw new IllegalArgumentException(setting + " must be 32 bytes (base64)");
        }
        return new SecretKeySpec(rawKey, "AES");
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
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(12 + ct.length)
                            .put(nonce)
                            .put(ct)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** Opens a stored secret with the current key, or with a previous one during a key rotation. */
    public String open(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        GeneralSecurityException last = null;
        for (SecretKeySpec k : keys) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, 12));
                return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                last = e; // the GCM tag does not match this key: try the next one
            }
        }
        throw new IllegalStateException("cannot decrypt a stored secret (wrong signaldesk.secrets.key?)", last);
    }

    /**
     * Like {@link #open}, but empty when no configured key opens it (a row sealed with a key that was
     * rotated out, e.g. a revoked device's): such a signer then fails verification instead of a 500.
     */
    public java.util.Optional<String> openIfPossible(String sealed) {
        try {
            return java.util.Optional.of(open(sealed));
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.warn("a stored secret is sealed with a key no longer in signaldesk.secrets.key or previous-keys");
            return java.util.Optional.empty();
        }
    }

    /**
     * The secrets a signer may sign with at {@code now}: its current one, and its previous one until the
     * end of the rotation grace ({@code previousValidUntil}); those no configured key opens are left out.
     */
    public java.util.List<String> validSecrets(
            String currentSealed, String previousSealed, java.time.Instant previousValidUntil, java.time.Instant now) {
        java.util.List<String> secrets = new java.util.ArrayList<>(2);
        openIfPossible(currentSealed).ifPresent(secrets::add);
        if (previousSealed != null && previousValidUntil != null && previousValidUntil.isAfter(now)) {
            openIfPossible(previousSealed).ifPresent(secrets::add);
        }
        return secrets;
    }
}
