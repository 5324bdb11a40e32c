package io.signaldesk.platform.events;

/**
 * A payload published on a Kafka topic inside a CloudEvents envelope. The CloudEvents {@code type}
 * is {@link #eventType()}, the Kafka key (and CloudEvents {@code subject}) is {@link #key()}.
 */
public interface DomainEvent {
    /** Logical topic, one of {@link Topics}. */
    String topic();

    /** Partitioning key: all events of one key are delivered in order. */
    String key();

    /** CloudEvents type, e.g. {@code io.signaldesk.UserRegistered}. */
    default String eventType() {
        return EventTypes.of(getClass());
    }
}
