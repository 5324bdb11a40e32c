package io.signaldesk.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.localstack.LocalKafka;
import io.signaldesk.localstack.LocalPostgres;
import io.signaldesk.localstack.TestInfra;
import io.signaldesk.localstack.TestTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against a real Postgres and a real Kafka broker of its own (this test stops and
 * restarts the broker, so it never shares one).
 */
class OutboxRelayTest {
    static LocalKafka kafka;
    static LocalPostgres pg;
    static String db;

    String schema;
    String prefix;
    OutboxRelay relay;

    @BeforeAll
    static void servers() {
        kafka = LocalKafka.startFresh();
        pg = TestInfra.get().postgres;
        db = "sdtest_relay_" + TestInfra.uniqueSuffix();
        pg.createDatabase(db, true);
    }

    @AfterAll
    static void stopServers() {
        kafka.close();
        pg.dropDatabase(db);
    }

    @BeforeEach
    void schema() {
        schema = "relay_" + TestInfra.uniqueSuffix();
        prefix = "t" + TestInfra.uniqueSuffix() + ".";
        Flyway.configure()
                .dataSource(pg.jdbcUrl(db), LocalPostgres.USER, "")
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    OutboxRelay.Settings settings() {
        return new OutboxRelay.Settings(
                "test",
                pg.jdbcUrl(db),
                LocalPostgres.USER,
                null,
                schema,
                kafka.bootstrapServers(),
                prefix,
                50,
                Duration.ofMillis(500),
                Duration.ofMillis(200),
                Duration.ofDays(7),
                Map.of());
    }

    OutboxRelay relay() {
        return new OutboxRelay(settings(), null);
    }

    /** Stands for the process dying on the spot: an Error, which the relay does not survive or clean up after. */
    static final class Crash extends Error {
        Crash(String where) {
            super(where);
        }
    }

    @Test
    void publishesEveryEventExactlyOnceWhenTheRelayDiesAfterTheKafkaCommit() throws Exception {
        insertEvents(230, 7);
        AtomicInteger batches = new AtomicInteger();
        // Dies right after Kafka committed its second batch, before the rows are marked published.
        OutboxTable dying = new OutboxTable() {
            @Override
            int markPublished(Connection conn, List<UUID> ids) throws SQLException {
                if (batches.incrementAndGet() == 2) {
                    throw new Crash("after kafka commit, before marking");
                }
                return super.markPublished(conn, ids);
            }
        };
        relay = new OutboxRelay(settings(), dying, new KafkaBatchPublisher(settings()), null);
        relay.start();
        awaitUntil(() -> !relay.isRunning(), "the relay to crash");
        assertThat(unpublishedCount())
                .as("the crashed batch and the rest are unmarked")
                .isEqualTo(230 - 50);

        relay = relay();
        relay.start();
        awaitUntil(() -> unpublishedCount() == 0, "all rows published");

        assertExactlyOnceInOrder(consumeAll(230), 230);
    }

    @Test
    void publishesEveryEventExactlyOnceWhenTheRelayDiesBeforeTheKafkaCommit() throws Exception {
        insertEvents(120, 5);
        AtomicInteger batches = new AtomicInteger();
        KafkaBatchPublisher dying = new KafkaBatchPublisher(settings()) {
            @Override
            void commit() {
                if (batches.incrementAndGet() == 2) {
                    throw new Crash("mid-batch, records sent, not committed");
                }
                super.commit();
            }
        };
        relay = new OutboxRelay(settings(), new OutboxTable(), dying, null);
        relay.start();
        awaitUntil(() -> !relay.isRunning(), "the relay to crash");
        assertThat(unpublishedCount()).isEqualTo(120 - 50);

        relay = relay();
        relay.start();
        awaitUntil(() -> unpublishedCount() == 0, "all rows published");

        assertExactlyOnceInOrder(consumeAll(120), 120);
    }

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsPublishedWhenItReturns() throws Exception {
        relay = relay();
        relay.start();
        insertEvents(3, 3);
        awaitUntil(() -> unpublishedCount() == 0, "first events published");

        kafka.stop();
        try {
            insertEvents(4, 2);
            Thread.sleep(3000);
            assertThat(unpublishedCount())
                    .as("nothing can be published while the broker is down")
                    .isEqualTo(4);
            // what the outbox alerts watch: the backlog and the age of its oldest row
            awaitUntil(() -> relay.backlogRows() == 4, "the backlog gauge to show the 4 waiting rows", 15_000);
            assertThat(relay.oldestUnpublishedAgeSeconds()).isGreaterThan(0);
        } finally {
            kafka.start();
        }
        awaitUntil(() -> unpublishedCount() == 0, "events published after the broker returned");
        awaitUntil(
                () -> relay.backlogRows() == 0 && relay.oldestUnpublishedAgeSeconds() == 0,
                "the backlog gauges to drop to 0",
                15_000);
        assertExactlyOnceInOrder(consumeAll(7), 7);
    }

    @Test
    void aSecondRelayStandsByWhileTheFirstIsActive() throws Exception {
        relay = relay();
        relay.start();
        awaitUntil(() -> relay.isLeader(), "the first relay to lead");
        try (OutboxRelay second = relay()) {
            second.start();
            Thread.sleep(1000);
            assertThat(second.isLeader()).isFalse();
            relay.close();
            awaitUntil(second::isLeader, "the standby to take over");
            insertEvents(10, 2);
            awaitUntil(() -> unpublishedCount() == 0, "the standby to publish");
        }
        assertExactlyOnceInOrder(consumeAll(10), 10);
    }

    @Test
    void aNotifyWakesTheRelayLongBeforeTheSafetyPoll() throws Exception {
        relay = new OutboxRelay(
                new OutboxRelay.Settings(
                        "test",
                        pg.jdbcUrl(db),
                        LocalPostgres.USER,
                        null,
                        schema,
                        kafka.bootstrapServers(),
                        prefix,
                        50,
                        Duration.ofMinutes(5),
                        Duration.ofMillis(200),
                        Duration.ofDays(7),
                        Map.of()),
                null);
        List<long[]> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        relay.timeBatches((send, commit, mark) -> batches.add(new long[] {send, commit, mark}));
        relay.start();
        awaitUntil(() -> relay.isLeader(), "the relay to lead");
        Thread.sleep(1500); // producer initialised and waiting on LISTEN
        insertEvents(1, 1);
        // The safety poll is 5 minutes: only the NOTIFY can make this pass in time.
        awaitUntil(() -> unpublishedCount() == 0, "NOTIFY to wake the relay", 20_000);
        awaitUntil(() -> !batches.isEmpty(), "the batch's steps to be timed", 5_000);
        assertThat(batches).as("one batch published, its steps timed once").hasSize(1);
        assertThat(java.util.Arrays.stream(batches.get(0)).min().orElse(0))
                .as("send, commit and mark each took some time")
                .isPositive();
    }

    // --- helpers ---

    void insertEvents(int n, int keys) throws SQLException {
        try (Connection c = conn();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox (id, topic, message_key, event_type, source, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, "relaytest.v1");
                ps.setString(3, "key-" + (i % keys));
                ps.setString(4, "io.signaldesk.Test");
                ps.setString(5, "/signaldesk/test");
                ps.setString(6, "{\"n\":" + i + "}");
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    long unpublishedCount() {
        try (Connection c = conn();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection conn() throws SQLException {
        Connection c = DriverManager.getConnection(pg.jdbcUrl(db) + "?currentSchema=" + schema, LocalPostgres.USER, "");
        return c;
    }

    record Seen(String id, String key, long seq) {}

    List<Seen> consumeAll(int expected) {
        // keep reading 1.5 s after the last expected event: a duplicate would show up then
        return TestTopics.read(
                        kafka.bootstrapServers(), prefix + "relaytest.v1", r -> true, expected, Duration.ofMillis(1500))
                .stream()
                .map(r -> new Seen(header(r, "ce_id"), r.key(), Long.parseLong(header(r, "ce_outboxseq"))))
                .toList();
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void assertExactlyOnceInOrder(List<Seen> seen, int expected) {
        assertThat(seen).hasSize(expected);
        assertThat(seen.stream().map(Seen::id).distinct().count())
                .as("no duplicate event ids")
                .isEqualTo(expected);
        Map<String, Long> lastSeqPerKey = new HashMap<>();
        for (Seen s : seen) {
            Long prev = lastSeqPerKey.put(s.key(), s.seq());
            assertThat(prev == null || prev < s.seq())
                    .as("per-key order for %s", s.key())
                    .isTrue();
        }
    }

    static void awaitUntil(java.util.function.BooleanSupplier cond, String what) throws InterruptedException {
        awaitUntil(cond, what, 60_000);
    }

    static void awaitUntil(java.util.function.BooleanSupplier cond, String what, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
