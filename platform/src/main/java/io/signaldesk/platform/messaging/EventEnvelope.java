package io.signaldesk.platform.messaging;

import java.time.OffsetDateTime;

/** An incoming CloudEvent: id, type, source, subject (the Kafka key), time, JSON data. */
public record EventEnvelope(String id, String type, String source, String subject, OffsetDateTime time, String data) {}
