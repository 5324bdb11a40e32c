package io.signaldesk.gateway.service;

import io.signaldesk.gateway.User;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.platform.hmac.Hmac;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** RS256 access tokens (SmallRye JWT, key from smallrye.jwt.sign.key.location) and opaque refresh tokens. */
@ApplicationScoped
public class TokenIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final GatewayConfig.Tokens config;

    public TokenIssuer(GatewayConfig config) {
        this.config = config.tokens();
    }

    public String accessToken(User user) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id.toString())
                .upn(user.email)
                .groups(user.roleSet())
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(config.accessTtl())
                .jws()
                .type("JWT")
                .sign();
    }

    public long accessTtlSeconds() {
        return config.accessTtl().toSeconds();
    }

    /** 256 random bits, URL-safe. Only its SHA-256 is stored. */
    public String newRefreshToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hashRefreshToken(String token) {
        return Hmac.sha256Hex(token);
    }
}
