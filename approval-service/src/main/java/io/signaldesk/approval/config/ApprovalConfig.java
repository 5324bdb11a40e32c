package io.signaldesk.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "approval")
public interface ApprovalConfig {
    /**
     * The FREE tier's limits: a user billing never announced a tier for (docs/money.md "Billing"); keep
     * them equal to payout-service's {@code payout.plans.FREE.*}.
     */
    Free free();

    interface Free {
        /** Active EA devices a FREE user may register. */
        @WithDefault("1")
        int maxDevices();

        /** Active strategy subscriptions a FREE user may hold. */
        @WithDefault("1")
        int maxSubscriptions();
    }

    /** After a rotation, the previous device secret stays valid this long. */
    @WithDefault("24h")
    Duration deviceSecretGrace();

    /** How long a polled command is leased to the EA before it is delivered again. */
    @WithDefault("30s")
    Duration lease();

    /**
     * This process as the holder of the leases it hands out: a lease whose holder stopped or has not been
     * seen for {@code timeout} is due again at once (docs/ea-protocol.md "Leases").
     */
    LeaseHolder leaseHolder();

    interface LeaseHolder {
        /** How often the process tells the database it is alive. */
        @WithDefault("2s")
        Duration heartbeat();

        /** Not seen for this long: the process is taken for dead and its leases are due again. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Longest long-poll wait an EA may ask for. */
    @WithDefault("25s")
    Duration maxWait();

    /**
     * An approved OPEN command is delivered until its signal expires plus this grace; after that it is
     * EXPIRED, never delivered (an EA offline for hours must not trade a stale signal at market).
     */
    @WithDefault("30s")
    Duration openCommandGrace();

    /**
     * Longest wait of an EA long-poll while Redis is unavailable (no wake-ups from other replicas):
     * the poll answers after this and the EA polls again, so a command is found within it.
     */
    @WithDefault("2s")
    Duration degradedPollWait();

    /** How often pending approvals and OPEN commands past their expiry are marked EXPIRED. */
    @WithDefault("2s")
    Duration expirySweep();

    /** EA snapshots that repeat the last published content (docs/ea-protocol.md "POST /api/v1/ea/snapshot"). */
    Snapshots snapshots();

    interface Snapshots {
        /**
         * An unchanged snapshot is published all the same once the last publication is this old, so
         * what reconciliation derives from time (the trading day's start) never lags more than this.
         */
        @WithDefault("60s")
        Duration refresh();

        /** How often the terminals whose unchanged snapshots were not published are reported (TerminalsSeen). */
        @WithDefault("5s")
        Duration seenInterval();
    }

    /** The console's live approval stream (GET /api/v1/approvals/stream). */
    Stream stream();

    interface Stream {
        /** A comment line this often keeps proxies and the browser from timing the stream out. */
        @WithDefault("15s")
        Duration keepalive();

        /** Open streams this instance holds at most; past it a new one is 503 (the gateway bounds them first). */
        @WithDefault("5000")
        int max();
    }
}
