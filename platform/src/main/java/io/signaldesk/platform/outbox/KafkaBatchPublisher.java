package io.signaldesk.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a batch of outbox rows as CloudEvents (binary mode) and its checkpoint in one Kafka
 * transaction. The transactional id is the schema's, so a new relay fences an earlier one and
 * aborts whatever transaction that one left open.
 */
class KafkaBatchPublisher implements AutoCloseable {
    private final OutboxRelay.Settings settings;
    private KafkaProducer<String, byte[]> producer;

    KafkaBatchPublisher(OutboxRelay.Settings settings) {
        this.settings = settings;
    }

    boolean isOpen() {
        return producer != null;
    }

    /** Creates the producer and takes over the transactional id (fencing any earlier relay). */
    void open() {
        if (producer != null) {
            return;
        }
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        cfg.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "outbox-relay-" + settings.topicPrefix() + settings.schema());
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        cfg.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        cfg.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + settings.name());
        cfg.putAll(settings.extraKafka());
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer());
        try {
            p.initTransactions();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        producer = p;
    }

    /** Sends the rows and the checkpoint inside a transaction, without committing it. */
    void send(List<OutboxTable.Row> rows, ProducerRecord<String, byte[]> checkpoint) {
        try {
            producer.beginTransaction();
            for (OutboxTable.Row r : rows) {
                producer.send(toRecord(r));
            }
            producer.send(checkpoint);
        } catch (KafkaException e) {
            throw new RelayKafkaException("sending a batch of " + rows.size() + " failed", e);
        }
    }

    /** Commits what {@link #send} sent: from here on, read_committed consumers see the batch. */
    void commit() {
        try {
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new RelayKafkaException("committing a batch failed", e);
        }
    }

    ProducerRecord<String, byte[]> toRecord(OutboxTable.Row r) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(r.id().toString())
                .withSource(URI.create(r.source()))
                .withType(r.type())
                .withSubject(r.key())
                .withTime(r.createdAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(r.payload().getBytes(StandardCharsets.UTF_8))
                .withExtension("outboxseq", r.seq())
                .build();
        ProducerRecord<String, byte[]> rec = KafkaMessageFactory.createWriter(
                        settings.topicPrefix() + r.topic(), null, null, r.key())
                .writeBinary(event);
        if (r.traceParent() != null) {
            rec.headers().add("traceparent", r.traceParent().getBytes(StandardCharsets.US_ASCII));
        }
        return rec;
    }

    /** Graceful close waits for in-flight sends; an abrupt one (after a fatal error) leaves the transaction to be fenced. */
    void close(boolean graceful) {
        KafkaProducer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(graceful ? Duration.ofSeconds(5) : Duration.ZERO);
            } catch (RuntimeException e) {
                OutboxRelay.LOG.debugf("closing relay producer: %s", e);
            }
        }
    }

    @Override
    public void close() {
        close(true);
    }

    static final class RelayKafkaException extends RuntimeException {
        RelayKafkaException(String msg, Throwable cause) {
            super(msg + ": " + cause, cause);
        }
    }
}
