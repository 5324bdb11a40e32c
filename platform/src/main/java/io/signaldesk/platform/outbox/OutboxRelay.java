package io.signaldesk.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Publishes a schema's outbox to Kafka, exactly once.
 *
 * <p>One relay per schema is active at a time (a Postgres session advisory lock elects it; the
 * others stand by). It waits on {@code LISTEN outbox_<schema>} (a trigger notifies at commit),
 * with a slow poll as a safety net. Each batch of unpublished rows, in {@code seq} order, is sent in
 * one Kafka transaction together with a checkpoint record naming the batch's outbox ids; then the
 * rows are marked published. If the relay dies after the Kafka commit but before the mark, the next
 * relay reads the last committed checkpoint and marks those rows instead of sending them again; if
 * it dies before the commit, the transaction is aborted when the next relay (same transactional id)
 * starts, and read_committed consumers never see it. When Kafka is down the rows simply wait.
 *
 * <p>Blocking by design: it runs on its own thread with its own JDBC connection (LISTEN and the
 * advisory lock are per session) and a blocking Kafka producer; no request thread ever waits on it.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything the relay needs, so it runs with or without Quarkus. */
    public record Settings(String name, String jdbcUrl, String user, String password, String schema,
                           String bootstrapServers, String topicPrefix, int batchSize, Duration safetyPoll,
                           Duration retryBackoff, Duration retention, Map<String, Object> extraKafka) {
        String checkpointTopic() {
            return topicPrefix + "outbox-checkpoints." + schema;
        }

        String channel() {
            return "outbox_" + schema;
        }

        long lockKey() {
            return ("signaldesk-outbox-relay:" + schema).hashCode();
        }
    }

    /** Test seam: runs at points inside a batch, to simulate a crash there. */
    public interface FaultInjector {
        default void beforeKafkaCommit(int batchSize) {
        }

        default void afterKafkaCommit(int batchSize) {
        }
    }

    private final Settings settings;
    private final FaultInjector faults;
    private final Consumer<Integer> onPublished;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile boolean leader;
    private volatile Thread thread;
    private Connection conn;
    private KafkaProducer<String, byte[]> producer;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(Settings settings, FaultInjector faults, Consumer<Integer> onPublished) {
        this.settings = settings;
        this.faults = faults == null ? new FaultInjector() { } : faults;
        this.onPublished = onPublished == null ? n -> { } : onPublished;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "outbox-relay-" + settings.schema());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Graceful stop: finishes the current batch, releases leadership, closes producer and connection. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake();
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the relay thread out of its LISTEN wait (pgjdbc does not react to interrupts). */
    private void wake() {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials()); Statement st = c.createStatement()) {
            st.execute("NOTIFY " + settings.channel());
        } catch (SQLException e) {
            thread.interrupt();
        }
    }

    public boolean isLeader() {
        return leader;
    }

    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        try {
            while (running) {
                try {
                    ensureConnection();
                    if (!leader) {
                        leader = tryLock();
                        if (!leader) {
                            waitForNotification(settings.safetyPoll());
                            continue;
                        }
                        LOG.infof("outbox relay %s is the active relay for schema %s", settings.name(), settings.schema());
                    }
                    ensureProducer();
                    int n = publishBatch();
                    if (n < settings.batchSize()) {
                        cleanupIfDue();
                        waitForNotification(settings.safetyPoll());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (SimulatedCrash crash) {
                    throw crash;
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    LOG.warnf("outbox relay %s: %s; retrying in %s", settings.schema(), e.toString(), settings.retryBackoff());
                    closeProducer(true);
                    if (e instanceof SQLException) {
                        closeConnection();
                    }
                    sleepQuietly(settings.retryBackoff());
                }
            }
            closeProducer(true);
            closeConnection();
        } catch (SimulatedCrash crash) {
            // A simulated process death: drop everything without aborting or marking anything.
            LOG.warnf("outbox relay %s crashed (simulated) at %s", settings.schema(), crash.getMessage());
            closeProducer(false);
            closeConnection();
            running = false;
        } finally {
            leader = false;
        }
    }

    /** Throw from a {@link FaultInjector} to kill the relay on the spot. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String where) {
            super(where, null, false, false);
        }
    }

    private void ensureConnection() throws SQLException {
        if (conn != null && conn.isValid(2)) {
            return;
        }
        closeConnection();
        Properties p = credentials();
        p.setProperty("currentSchema", settings.schema());
        p.setProperty("ApplicationName", "outbox-relay-" + settings.name());
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), p);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + settings.channel());
        }
        conn = c;
        leader = false;
    }

    private Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        return p;
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, settings.lockKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void waitForNotification(Duration max) throws SQLException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        PGConnection pg = conn.unwrap(PGConnection.class);
        PGNotification[] notes = pg.getNotifications((int) Math.max(1, max.toMillis()));
        if (notes != null && notes.length > 0) {
            // Drain whatever else is already queued: one batch query serves them all.
            pg.getNotifications(1);
        }
    }

    private void ensureProducer() throws Exception {
        if (producer != null) {
            return;
        }
        ensureCheckpointTopic();
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
            // Fences any earlier relay with the same transactional id and aborts its open transaction.
            p.initTransactions();
            recoverFromCheckpoint();
        } catch (Exception e) {
            p.close(Duration.ZERO);
            throw e;
        }
        producer = p;
    }

    private void ensureCheckpointTopic() throws Exception {
        Map<String, Object> cfg = new HashMap<>(settings.extraKafka());
        cfg.put("bootstrap.servers", settings.bootstrapServers());
        cfg.put("request.timeout.ms", 10_000);
        cfg.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(cfg)) {
            NewTopic topic = new NewTopic(settings.checkpointTopic(), 1, (short) -1)
                    .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Marks the rows of the last committed batch, in case the previous relay died before it could. */
    private void recoverFromCheckpoint() throws SQLException {
        List<UUID> ids = readLastCheckpoint();
        if (ids.isEmpty()) {
            return;
        }
        int marked = markPublished(ids);
        if (marked > 0) {
            LOG.infof("outbox relay %s: recovered %d rows already published by a previous relay", settings.schema(), marked);
        }
    }

    List<UUID> readLastCheckpoint() {
        Map<String, Object> cfg = new HashMap<>(settings.extraKafka());
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(settings.checkpointTopic(), 0);
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
                    return parseCheckpoint(last.value());
                }
                if (start == 0) {
                    return List.of();
                }
                window *= 8;
            }
        }
    }

    private static List<UUID> parseCheckpoint(byte[] value) {
        try {
            List<UUID> ids = new ArrayList<>();
            JSON.readTree(value).path("ids").forEach(n -> ids.add(UUID.fromString(n.asText())));
            return ids;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable outbox checkpoint", e);
        }
    }

    private record Row(UUID id, long seq, String topic, String key, String type, String source, String payload,
                       String traceParent, Instant createdAt) {
    }

    private int publishBatch() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, seq, topic, message_key, event_type, source, payload, trace_parent, created_at "
                        + "FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            ps.setInt(1, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        try {
            producer.beginTransaction();
            for (Row r : rows) {
                producer.send(toRecord(r));
            }
            producer.send(new ProducerRecord<>(settings.checkpointTopic(), settings.schema(), checkpoint(ids)));
            faults.beforeKafkaCommit(rows.size());
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new RelayKafkaException("publishing a batch of " + rows.size() + " failed", e);
        }
        faults.afterKafkaCommit(rows.size());
        markPublished(ids);
        published.addAndGet(rows.size());
        onPublished.accept(rows.size());
        return rows.size();
    }

    static final class RelayKafkaException extends RuntimeException {
        RelayKafkaException(String msg, Throwable cause) {
            super(msg + ": " + cause, cause);
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Row r) {
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
        ProducerRecord<String, byte[]> rec = KafkaMessageFactory
                .createWriter(settings.topicPrefix() + r.topic(), null, null, r.key())
                .writeBinary(event);
        if (r.traceParent() != null) {
            rec.headers().add("traceparent", r.traceParent().getBytes(StandardCharsets.US_ASCII));
        }
        return rec;
    }

    private static byte[] checkpoint(List<UUID> ids) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode arr = node.putArray("ids");
        ids.forEach(id -> arr.add(id.toString()));
        node.put("at", Instant.now().toString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int markPublished(List<UUID> ids) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE id = ANY (?) AND published_at IS NULL")) {
            Array arr = conn.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, arr);
            return ps.executeUpdate();
        }
    }

    private void cleanupIfDue() throws SQLException {
        if (Duration.between(lastCleanup, Instant.now()).toMinutes() < 10) {
            return;
        }
        lastCleanup = Instant.now();
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, settings.retention().toSeconds());
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.debugf("outbox relay %s: deleted %d published rows past retention", settings.schema(), n);
            }
        }
    }

    private void closeProducer(boolean graceful) {
        KafkaProducer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(graceful ? Duration.ofSeconds(5) : Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("closing relay producer: %s", e);
            }
        }
    }

    private void closeConnection() {
        Connection c = conn;
        conn = null;
        leader = false;
        if (c != null) {
            try {
                c.close(); // also releases the session advisory lock
            } catch (SQLException e) {
                LOG.debugf("closing relay connection: %s", e);
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
