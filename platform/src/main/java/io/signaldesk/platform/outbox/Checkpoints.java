package io.signaldesk.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The checkpoint log: a compacted one-partition topic per schema. Each Kafka transaction of the
 * relay ends with a record naming the outbox ids it carried, so a new relay knows which rows the
 * last committed transaction published even when its predecessor died before marking them.
 */
class Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxRelay.Settings settings;

    Checkpoints(OutboxRelay.Settings settings) {
        this.settings = settings;
    }

    String topic() {
        return settings.topicPrefix() + "outbox-checkpoints." + settings.schema();
    }

    void ensureTopic() throws Exception {
        Map<String, Object> cfg = new HashMap<>(settings.extraKafka());
        cfg.put("bootstrap.servers", settings.bootstrapServers());
        cfg.put("request.timeout.ms", 10_000);
        cfg.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(cfg)) {
            NewTopic topic = new NewTopic(topic(), 1, (short) -1).configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    ProducerRecord<String, byte[]> record(List<UUID> ids) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode arr = node.putArray("ids");
        ids.forEach(id -> arr.add(id.toString()));
        node.put("at", Instant.now().toString());
        try {
            return new ProducerRecord<>(topic(), settings.schema(), JSON.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the last committed checkpoint (read_committed), or none. */
    List<UUID> last() {
        Map<String, Object> cfg = new HashMap<>(settings.extraKafka());
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic(), 0);
            c.assign(List.of(tp));
            c.seekToEnd(List.of(tp));
            long end = c.position(tp);
            long window = 16;
            while (true) {
                long start = Math.max(0, end - window);
                c.seek(tp, start);
                ConsumerRecord<String, byte[]> last = null;
                while (c.position(tp) < end) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end) {
                            last = r;
                        }
                    }
                }
                if (last != null) {
                    return parse(last.value());
                }
                if (start == 0) {
                    return List.of();
                }
                window *= 8; // aborted transactions leave markers and invisible records behind: look further back
            }
        }
    }

    private static List<UUID> parse(byte[] value) {
        try {
            List<UUID> ids = new ArrayList<>();
            JSON.readTree(value).path("ids").forEach(n -> ids.add(UUID.fromString(n.asText())));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outbox checkpoint", e);
        }
    }
}
