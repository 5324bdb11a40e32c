package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signaldesk.platform.outbox.OutboxRelayService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The signal -> terminal path cut into its hops, one histogram each ({@code signaldesk_signal_hop_seconds{hop}}),
 * so that the slowest hop shows instead of one end-to-end figure. Each is recorded once per signal
 * or command applied, never for a redelivery:
 *
 * <ul>
 *   <li>{@code relay}: the signal committed in signal-service -> the outbox relay hands its record to
 *       Kafka (the record's timestamp);
 *   <li>{@code kafka}: handed to Kafka -> received by approval-service's consumer (the relay's
 *       transaction commit, the fetch);
 *   <li>{@code fanout}: received -> its approvals and auto-approved commands committed;
 *   <li>{@code wake}: the fan-out committed -> the terminal's waiting poll woken (Redis pub/sub when it
 *       waits on another instance);
 *   <li>{@code lease}: woken -> the command leased and handed to the terminal;
 *   <li>{@code handover}: the command's row written -> handed to the terminal, however it got there
 *       (a woken poll, or the terminal's next poll when none was waiting: after an ack, a reconnect).
 * </ul>
 *
 * The first two compare clocks of two processes: between pods they include the clocks' skew.
 */
@ApplicationScoped
public class SignalHops {
    public enum Hop {
        RELAY,
        KAFKA,
        FANOUT,
        WAKE,
        LEASE,
        HANDOVER
    }

    private final Map<Hop, Timer> timers = new EnumMap<>(Hop.class);

    public SignalHops(MeterRegistry metrics) {
        for (Hop hop : Hop.values()) {
            timers.put(
                    hop,
                    Timer.builder("signaldesk.signal.hop")
                            .description("one hop of the signal -> terminal path (see SignalHops)")
                            .tag("hop", hop.name().toLowerCase())
                            .serviceLevelObjectives(OutboxRelayService.STEP_BUCKETS)
                            .register(metrics));
        }
    }

    /** Records {@code from -> to}; a negative span (clock skew between two hosts) counts as zero. */
    public void record(Hop hop, Instant from, Instant to) {
        if (from == null || to == null) {
            return;
        }
        Duration d = Duration.between(from, to);
        timers.get(hop).record(d.isNegative() ? Duration.ZERO : d);
    }
}
