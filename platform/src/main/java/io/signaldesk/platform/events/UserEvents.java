package io.signaldesk.platform.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** {@code users.v1}, keyed by user id. Produced by the gateway. */
public final class UserEvents {
    private UserEvents() {}

    /**
     * A user signed up. {@code signupFingerprint} is a SHA-256 of the signup IP and user agent, so
     * fraud checks can compare signups without the platform keeping raw IPs.
     */
    public record UserRegistered(
            UUID userId,
            String email,
            Set<String> roles,
            @Nullable String referralCode,
            String signupFingerprint,
            String ipHash,
            Instant registeredAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.USERS;
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }
}
