package io.signaldesk.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Applies an incoming CloudEvent once: the handler runs in one transaction with the inbox row
 * (see {@link Inbox}); the Kafka offset is acknowledged only after that commit. Transient failures
 * (database down) are retried with back-off, holding the partition so order is kept; a poison event
 * is nacked and goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public EventConsumer(Inbox inbox, ObjectMapper mapper, MeterRegistry registry) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.registry = registry;
    }

    public Uni<Void> consume(String consumer, Message<String> msg, Function<EventEnvelope, Uni<?>> handler) {
        EventEnvelope env;
        try {
            env = envelope(msg);
        } catch (PoisonEventException e) {
            LOG.errorf("%s: poison message: %s", consumer, e.getMessage());
            registry.counter("signaldesk.events.consumed", "consumer", consumer, "outcome", "poison").increment();
            return Uni.createFrom().completionStage(msg.nack(e));
        }
        return inbox.once(consumer, env.id(), env.type(), () -> handler.apply(env))
                .onFailure(t -> !(t instanceof PoisonEventException))
                .invoke(t -> LOG.warnf("%s: applying %s %s failed, retrying: %s", consumer, env.type(), env.id(), t.toString()))
                .onFailure(t -> !(t instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .onItem().transformToUni(applied -> {
                    registry.counter("signaldesk.events.consumed", "consumer", consumer,
                            "outcome", applied ? "applied" : "duplicate").increment();
                    return Uni.createFrom().completionStage(msg.ack());
                })
                .onFailure().recoverWithUni(t -> {
                    LOG.errorf(t, "%s: event %s %s is poison", consumer, env.type(), env.id());
                    registry.counter("signaldesk.events.consumed", "consumer", consumer, "outcome", "poison").increment();
                    return Uni.createFrom().completionStage(msg.nack(t));
                });
    }

    /** Reads the typed payload; an unreadable one is poison. */
    public <T> T data(EventEnvelope env, Class<T> type) {
        try {
            return mapper.readValue(env.data(), type);
        } catch (IOException e) {
            throw new PoisonEventException("cannot read " + env.type() + " " + env.id() + " as " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static EventEnvelope envelope(Message<String> msg) {
        IncomingCloudEventMetadata<Object> ce = msg.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (ce == null) {
            throw new PoisonEventException("not a CloudEvent (no ce_ headers)", null);
        }
        if (msg.getPayload() == null) {
            throw new PoisonEventException("CloudEvent " + ce.getId() + " has no data", null);
        }
        return new EventEnvelope(ce.getId(), ce.getType(), String.valueOf(ce.getSource()), ce.getSubject().orElse(null),
                ce.getTimeStamp().map(z -> z.toOffsetDateTime()).orElse(null), msg.getPayload());
    }
}
