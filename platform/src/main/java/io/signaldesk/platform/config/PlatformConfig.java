package io.signaldesk.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by every service ({@code signaldesk.*}), overridable by environment variables. */
@ConfigMapping(prefix = "signaldesk")
public interface PlatformConfig {
    /** This service's Postgres schema; every table it owns lives there. */
    String schema();

    Kafka kafka();

    Redis redis();

    Outbox outbox();

    Hmac hmac();

    Secrets secrets();

    interface Hmac {
        /** How far a signed request's timestamp may be from the server clock, either way. */
        @WithDefault("30s")
        Duration window();

        /** How long a nonce is remembered; must be at least twice the window. */
        @WithDefault("2m")
        Duration nonceTtl();
    }

    interface Secrets {
        /** Base64 of 32 random bytes: the AES-256-GCM key for secrets stored recoverably. */
        String key();

        /**
         * Keys being rotated out (comma separated, base64): stored secrets sealed with them still open;
         * nothing new is sealed with them. Drop one once no row is sealed with it (docs/security.md).
         */
        Optional<java.util.List<String>> previousKeys();
    }

    interface Kafka {
        /** Prepended to every logical topic name (tests and shared brokers); none by default. */
        Optional<String> topicPrefix();

        default String prefix() {
            return topicPrefix().orElse("");
        }
    }

    interface Redis {
        /** Prepended to every Redis key this service writes. */
        @WithDefault("sd:")
        String keyPrefix();

        /** A Redis call through {@code RedisGuard} that takes longer fails (and counts against the breaker). */
        @WithDefault("250ms")
        Duration callTimeout();

        /** How long the breaker stays open before one call may test Redis again. */
        @WithDefault("1s")
        Duration breakerDelay();

        /** How often the guard pings Redis, so a hang is noticed even when nothing else calls. */
        @WithDefault("1s")
        Duration probeInterval();

        /**
         * The breaker's rolling window: it opens when half of the last this many calls failed. Wide
         * enough that a few calls slowed by a busy machine do not open it (a hair trigger turned
         * every long poll short under load, which made the load worse); a hung Redis fills it within
         * a fraction of a second under traffic, and the pings catch a hang when there is none.
         */
        @WithDefault("20")
        int breakerVolume();

        /**
         * Consecutive failed pings after which Redis counts as unavailable, whatever the breaker says
         * (3: a ping queued behind a burst on a busy box may miss its timeout once or twice).
         */
        @WithDefault("3")
        int probeFailures();
    }

    interface Outbox {
        /** Run the relay in this process. */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("200")
        int batchSize();

        /** Safety-net poll when no NOTIFY arrives (NOTIFY is the normal wake-up). */
        @WithDefault("5s")
        Duration safetyPoll();

        /** Wait after a Kafka or database failure before trying again. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Published rows older than this are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}
