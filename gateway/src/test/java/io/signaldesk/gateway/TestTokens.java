package io.signaldesk.gateway;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens that must all be refused, each wrong in exactly one way. */
final class TestTokens {
    static final String ISS = "https://signaldesk.io";
    static final String AUD = "signaldesk";

    private TestTokens() {}

    static String valid(String sub) {
        return Jwt.issuer(ISS)
                .audience(AUD)
                .subject(sub)
                .upn("x@test.io")
                .groups(Set.of("trader"))
                .expiresIn(300)
                .sign();
    }

    static String expired() {
        return Jwt.issuer(ISS)
                .audience(AUD)
                .subject(UUID.randomUUID().toString())
                .groups(Set.of("trader"))
                .issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(120))
                .sign();
    }

    static String wrongIssuer() {
        return Jwt.issuer("https://evil.example")
                .audience(AUD)
                .subject(UUID.randomUUID().toString())
                .expiresIn(300)
                .sign();
    }

    static String wrongAudience() {
        return Jwt.issuer(ISS)
                .audience("someone-else")
                .subject(UUID.randomUUID().toString())
                .expiresIn(300)
                .sign();
    }

    static String signedByAnotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return Jwt.issuer(ISS)
                .audience(AUD)
                .subject(UUID.randomUUID().toString())
                .expiresIn(300)
                .sign(g.generateKeyPair().getPrivate());
    }

    static String algNone() {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims()) + ".";
    }

    /** The classic key-confusion attack: HS256 with the server's RSA public key as the HMAC secret. */
    static String hs256WithPublicKey(Path publicKeyPem) throws Exception {
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(publicKeyPem), "HmacSHA256"));
        return signingInput + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String claims() {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"admin\"]," + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
