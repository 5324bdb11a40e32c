package io.signaldesk.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming CloudEvent once: the handler runs in one transaction with the inbox row
 * (see {@link Inbox}); the Kafka offset is acknowledged only after that commit. Only transient
 * failures ({@link Transience}: the database away or busy) are retried with back-off, holding the
 * partition so order is kept. Everything else is poison and is nacked to the channel's dead-letter
 * topic with its reason: an event that is not a CloudEvent, whose payload cannot be read or lacks a
 * required field ({@link #data}), or whose handler fails in a way no retry changes. The next event
 * of the partition is then applied.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final jakarta.validation.Validator validator;

    public EventConsumer(
            Inbox inbox, ObjectMapper mapper, MeterRegistry registry, jakarta.validation.Validator validator) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.registry = registry;
        this.validator = validator;
    }

    public Uni<Void> consume(String consumer, Message<String> msg, Function<EventEnvelope, Uni<?>> handler) {
        EventEnvelope env;
        try {
            env = envelope(msg);
        } catch (PoisonEventException e) {
            LOG.errorf("%s: poison message: %s", consumer, e.getMessage());
            registry.counter("signaldesk.events.consumed", "consumer", consumer, "outcome", "poison")
                    .increment();
            return Uni.createFrom().completionStage(msg.nack(e));
        }
        return inbox.once(consumer, env.id(), env.type(), () -> handler.apply(env))
                .onFailure(Transience::isTransient)
                .invoke(t -> LOG.warnf(
                        "%s: applying %s %s failed, retrying: %s", consumer, env.type(), env.id(), t.toString()))
                .onFailure(Transience::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .onItem()
                .transformToUni(applied -> {
                    registry.counter(
                                    "signaldesk.events.consumed",
                                    "consumer",
                                    consumer,
                                    "outcome",
                                    applied ? "applied" : "duplicate")
                            .increment();
                    return Uni.createFrom().completionStage(msg.ack());
                })
                .onFailure()
                .recoverWithUni(t -> {
                    LOG.errorf(t, "%s: event %s %s is poison", consumer, env.type(), env.id());
                    registry.counter("signaldesk.events.consumed", "consumer", consumer, "outcome", "poison")
                            .increment();
                    return Uni.createFrom().completionStage(msg.nack(t));
                });
    }

    /**
     * Reads the typed payload and checks it: every field of an event record is required unless marked
     * {@link io.signaldesk.platform.events.Nullable}, and Bean Validation annotations hold. An
     * unreadable or incomplete payload is poison, named with its first missing field.
     */
    public <T> T data(EventEnvelope env, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(env.data(), type);
        } catch (IOException e) {
            throw new PoisonEventException(
                    "cannot read " + env.type() + " " + env.id() + " as " + type.getSimpleName(), e);
        }
        if (value == null) {
            throw new PoisonEventException(env.type() + " " + env.id() + " has no data", null);
        }
        if (type.isRecord()) {
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(io.signaldesk.platform.events.Nullable.class)
                        || c.getType().isPrimitive()) {
                    continue;
                }
                Object field;
                try {
                    field = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (field == null) {
                    throw new PoisonEventException(
                            env.type() + " " + env.id() + " lacks the required field " + c.getName(), null);
                }
            }
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            var v = violations.iterator().next();
            throw new PoisonEventException(
                    env.type() + " " + env.id() + " is invalid: " + v.getPropertyPath() + " " + v.getMessage(), null);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static EventEnvelope envelope(Message<String> msg) {
        IncomingCloudEventMetadata<Object> ce =
                msg.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (ce == null) {
            throw new PoisonEventException("not a CloudEvent (no ce_ headers)", null);
        }
        if (msg.getPayload() == null) {
            throw new PoisonEventException("CloudEvent " + ce.getId() + " has no data", null);
        }
        return new EventEnvelope(
                ce.getId(),
                ce.getType(),
                String.valueOf(ce.getSource()),
                ce.getSubject().orElse(null),
                ce.getTimeStamp().map(z -> z.toOffsetDateTime()).orElse(null),
                msg.getPayload());
    }
}
