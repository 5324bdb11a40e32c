package io.signaldesk.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "approval")
public interface ApprovalConfig {
    /** Active devices a trader may register (later: per premium tier). */
    @WithDefault("5")
    int maxDevicesPerUser();

    /** After a rotation, the previous device secret stays valid this long. */
    @WithDefault("24h")
    Duration deviceSecretGrace();

    /** How long a polled command is leased to the EA before it is delivered again. */
    @WithDefault("30s")
    Duration lease();

    /** Longest long-poll wait an EA may ask for. */
    @WithDefault("25s")
    Duration maxWait();

    /**
     * An approved OPEN command is delivered until its signal expires plus this grace; after that it is
     * EXPIRED, never delivered (an EA offline for hours must not trade a stale signal at market).
     */
    @WithDefault("30s")
    Duration openCommandGrace();

    /** How often pending approvals and OPEN commands past their expiry are marked EXPIRED. */
    @WithDefault("2s")
    Duration expirySweep();
}
