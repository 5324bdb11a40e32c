package io.signaldesk.approval.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signaldesk.approval.service.ApprovalStreams;
import io.signaldesk.approval.service.CommandWakeup;
import io.signaldesk.approval.service.SignalFanOut;
import io.signaldesk.approval.service.SignalHops;
import io.signaldesk.approval.service.SignalHops.Hop;
import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.TradeEvents.SignalPublished;
import io.signaldesk.platform.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** signals.v1: every subscriber of the strategy gets one approval per signal, however often Kafka delivers it. */
@ApplicationScoped
public class SignalEventsConsumer {
    static final String CONSUMER = "approval-service.signals";

    private final EventConsumer events;
    private final SignalFanOut fanOut;
    private final CommandWakeup wakeup;
    private final ApprovalStreams streams;
    private final SignalHops hops;
    /** From the signal's creation in signal-service to its approvals (and auto-approved commands) committed here. */
    private final Timer fanoutLag;

    public SignalEventsConsumer(
            EventConsumer events,
            SignalFanOut fanOut,
            CommandWakeup wakeup,
            ApprovalStreams streams,
            SignalHops hops,
            MeterRegistry metrics) {
        this.events = events;
        this.hops = hops;
        this.streams = streams;
        this.fanOut = fanOut;
        this.wakeup = wakeup;
        this.fanoutLag = Timer.builder("signaldesk.signals.fanout.lag")
                .description("signal created in signal-service -> its approvals committed in approval-service")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(metrics);
    }

    @Incoming("signals")
    public Uni<Void> onSignalEvent(Message<String> msg) {
        Instant receivedAt = Instant.now();
        Instant[] committedAt = new Instant[1];
        List<UUID> toWake = new ArrayList<>();
        Instant[] publishedAt = new Instant[1];
        List<ApprovalStreams.Change> changes = new ArrayList<>();
        return events.consume(CONSUMER, msg, env -> {
                    if (!EventTypes.SIGNAL_PUBLISHED.equals(env.type())) {
                        return Uni.createFrom().voidItem();
                    }
                    SignalPublished e = events.data(env, SignalPublished.class);
                    publishedAt[0] = e.publishedAt();
                    changes.clear(); // a retried transaction starts over
                    return fanOut.onSignal(e, changes).invoke(toWake::addAll);
                })
                .invoke(() -> {
                    if (publishedAt[0] != null) { // applied now, not a duplicate
                        committedAt[0] = Instant.now();
                        fanoutLag.record(Duration.between(publishedAt[0], committedAt[0]));
                        Instant handedToKafka = msg.getMetadata(IncomingKafkaRecordMetadata.class)
                                .map(IncomingKafkaRecordMetadata::getTimestamp)
                                .orElse(null);
                        hops.record(Hop.RELAY, publishedAt[0], handedToKafka);
                        hops.record(Hop.KAFKA, handedToKafka, receivedAt);
                        hops.record(Hop.FANOUT, receivedAt, committedAt[0]);
                    }
                })
                // auto-approved commands exist now that the transaction has committed: wake their EAs
                .chain(() -> wakeup.publishAll(toWake, committedAt[0]))
                // ...and the traders' consoles learn of their new approvals
                .chain(() -> streams.publish(changes));
    }
}
