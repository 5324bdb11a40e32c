package io.signaldesk.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test helper: reads a topic from the beginning as a fresh read_committed consumer group. */
public final class TestTopics {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TestTopics() {}

    /**
     * The matching records, once at least {@code atLeast} have arrived and then nothing more for
     * {@code quiet} (so a duplicate would have shown up), or whatever arrived within 30 s.
     */
    public static List<ConsumerRecord<String, String>> read(
            String bootstrap,
            String topic,
            Predicate<ConsumerRecord<String, String>> match,
            int atLeast,
            Duration quiet) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + DEADLINE.toMillis();
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        out.add(r);
                    }
                }
                if (out.size() >= atLeast && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + quiet.toMillis();
                }
            }
        }
        return out;
    }

    /** The same, against the broker and topic prefix of the application under test. */
    public static List<ConsumerRecord<String, String>> read(
            String logicalTopic, Predicate<ConsumerRecord<String, String>> match, int atLeast, Duration quiet) {
        Map<String, String> cfg = LocalInfraTestResource.current;
        return read(
                cfg.get("kafka.bootstrap.servers"),
                cfg.get("signaldesk.kafka.topic-prefix") + logicalTopic,
                match,
                atLeast,
                quiet);
    }
}
