package io.signaldesk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {
    Tokens tokens();

    Admin admin();

    /** Secret mixed into signup fingerprints so hashed IPs cannot be reversed by enumeration. */
    String fingerprintPepper();

    /** Services behind the gateway, by name. */
    Map<String, Route> routes();

    RateLimit rateLimit();

    Proxy proxy();

    Streams streams();

    /**
     * Whether the console's refresh cookie is Secure (sent over HTTPS only). Off only for the plain-http
     * local stack (./run.sh on http://127.0.0.1), through GATEWAY_COOKIE_SECURE=false.
     */
    @WithDefault("true")
    boolean cookieSecure();

    interface Tokens {
        @WithDefault("https://signaldesk.io")
        String issuer();

        @WithDefault("signaldesk")
        String audience();

        @WithDefault("15m")
        Duration accessTtl();

        @WithDefault("30d")
        Duration refreshTtl();
    }

    /** The first admin, created at start-up when no user has that email. */
    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    interface Route {
        /** Base URL of the service, e.g. http://127.0.0.1:8081. */
        URI url();

        /** Path prefixes it owns (segment boundary: /api/v1/signals matches /api/v1/signals/x, not /api/v1/signalsx). */
        List<String> prefixes();

        /**
         * Operations that pass without a JWT because the service checks their own signature, each
         * "METHOD /path/{template}" (exact: no prefixes).
         */
        Optional<List<String>> publicRoutes();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests per minute per authenticated user. */
        @WithDefault("600")
        long perUserPerMinute();

        /** Requests per minute per client IP (all routes). */
        @WithDefault("1200")
        long perIpPerMinute();

        /** Attempts per minute per client IP on register, login and refresh. */
        @WithDefault("30")
        long authPerIpPerMinute();

        /** A rate-limit call to Redis slower than this counts as a failure (the request is limited in-process). */
        @WithDefault("200ms")
        Duration redisTimeout();

        /** After a Redis failure, limit in-process for this long before asking Redis again. */
        @WithDefault("1s")
        Duration redisRetry();
    }

    interface Proxy {
        @WithDefault("2s")
        Duration connectTimeout();

        /** No bytes from the service for this long fails the request with 504. */
        @WithDefault("30s")
        Duration idleTimeout();

        @WithDefault("200")
        int maxPoolSize();
    }

    /**
     * Long-lived streaming routes (the console's live approvals): their own upstream client and pool,
     * no request idle timeout of the normal proxy, and bounds on how many are open.
     */
    interface Streams {
        /** Exact GET paths proxied as streams; each must lie under a service's prefixes and need a JWT. */
        @WithDefault("/api/v1/approvals/stream")
        List<String> paths();

        /** Open streams this gateway instance carries at most (also its stream pool's size per service); past it 503. */
        @WithDefault("2000")
        int max();

        /** Open streams one user may hold at once (browser tabs); past it 429. */
        @WithDefault("5")
        int perUser();

        /** No byte from the service for this long (its keepalives come every 15 s) ends the stream. */
        @WithDefault("60s")
        Duration idleTimeout();
    }
}
