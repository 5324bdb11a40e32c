package io.signaldesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Development secrets, generated on first use into a local folder (never committed): the RSA key
 * pair of the gateway's RS256 access tokens, and the values the prod profile refuses to take from
 * the repository (the key that seals HMAC secrets, the fingerprint pepper, a database password).
 * Production values come from configuration (a Kubernetes secret).
 */
public record DevKeys(Path privateKey, Path publicKey) {
    /** The generated secrets as the settings every service takes. */
    public Map<String, String> secretSettings() {
        Path file = publicKey.getParent().resolve("dev-secrets.properties");
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            boolean created = p.getProperty("signaldesk.secrets.key") == null;
            if (created) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                p.setProperty("signaldesk.secrets.key", Base64.getEncoder().encodeToString(key));
                p.setProperty("gateway.fingerprint-pepper", random());
                p.setProperty("quarkus.datasource.password", random());
            }
            if (p.getProperty("affiliate.pepper") == null) { // also for a file written before affiliate-service had one
                p.setProperty("affiliate.pepper", random());
                created = true;
            }
            if (created) {
                try (var out = Files.newOutputStream(file)) {
                    p.store(out, "SignalDesk local development secrets (generated; never commit)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static DevKeys ensure(Path dir) {
        Path priv = dir.resolve("jwt-private.pem");
        Path pub = dir.resolve("jwt-public.pem");
        if (Files.exists(priv) && Files.exists(pub)) {
            return new DevKeys(priv, pub);
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return new DevKeys(priv, pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
