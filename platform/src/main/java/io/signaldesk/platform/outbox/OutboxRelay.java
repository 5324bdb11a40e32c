package io.signaldesk.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Publishes a schema's outbox to Kafka, exactly once.
 *
 * <p>One relay per schema is active at a time ({@link RelayLeadership}: a Postgres session advisory
 * lock elects it; the others stand by). It waits on {@code LISTEN outbox_<schema>} (a trigger
 * notifies at commit), with a slow poll as a safety net. Each batch of unpublished rows, in
 * {@code seq} order ({@link OutboxTable}), is sent in one Kafka transaction together with a
 * checkpoint record naming the batch's outbox ids ({@link KafkaBatchPublisher}, {@link Checkpoints});
 * then the rows are marked published. If the relay dies after the Kafka commit but before the mark,
 * the next relay reads the last committed checkpoint and marks those rows instead of sending them
 * again; if it dies before the commit, the transaction is aborted when the next relay (same
 * transactional id) starts, and read_committed consumers never see it. When Kafka is down the rows
 * simply wait. Published rows are deleted after the retention.
 *
 * <p>Blocking by design: it runs on its own thread with its own JDBC connection (LISTEN and the
 * advisory lock are per session) and a blocking Kafka producer; no request thread ever waits on it.
 */
public final class OutboxRelay implements AutoCloseable {
    static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Everything the relay needs, so it runs with or without Quarkus. */
    public record Settings(
            String name,
            String jdbcUrl,
            String user,
            String password,
            String schema,
            String bootstrapServers,
            String topicPrefix,
            int batchSize,
            Duration safetyPoll,
            Duration retryBackoff,
            Duration retention,
            Map<String, Object> extraKafka) {
        String channel() {
            return "outbox_" + schema;
        }

        long lockKey() {
            return ("signaldesk-outbox-relay:" + schema).hashCode();
        }
    }

    static final Duration BACKLOG_CHECK = Duration.ofSeconds(5);

    private final Settings settings;
    private final RelayLeadership leadership;
    private final OutboxTable table;
    private final Checkpoints checkpoints;
    private final KafkaBatchPublisher publisher;
    private final Consumer<Integer> onPublished;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile boolean leader;
    private volatile Thread thread;
    private Instant lastCleanup = Instant.EPOCH;
    private volatile java.util.concurrent.ScheduledExecutorService probe;
    private volatile OutboxTable.Backlog backlog = new OutboxTable.Backlog(0, null);

    /** How long each step of a published batch took, in nanoseconds (the relay's share of an event's latency). */
    public interface BatchSteps {
        void timed(long sendNanos, long commitNanos, long markNanos);
    }

    private volatile BatchSteps batchSteps = (send, commit, mark) -> {};

    /** Times every batch from now on (before {@link #start}). */
    public void timeBatches(BatchSteps steps) {
        this.batchSteps = steps;
    }

    public OutboxRelay(Settings settings, Consumer<Integer> onPublished) {
        this(settings, new OutboxTable(), new KafkaBatchPublisher(settings), onPublished);
    }

    /** With the table and the publisher given: the tests' way to stop a relay between two steps of a batch. */
    OutboxRelay(Settings settings, OutboxTable table, KafkaBatchPublisher publisher, Consumer<Integer> onPublished) {
        this.settings = settings;
        this.leadership = new RelayLeadership(settings);
        this.table = table;
        this.checkpoints = new Checkpoints(settings);
        this.publisher = publisher;
        this.onPublished = onPublished == null ? n -> {} : onPublished;
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
        probe = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread pt = new Thread(r, "outbox-backlog-" + settings.schema());
            pt.setDaemon(true);
            return pt;
        });
        probe.scheduleWithFixedDelay(
                this::measureBacklog, 0, BACKLOG_CHECK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Graceful stop: finishes the current batch, releases leadership, closes producer and connection. */
    @Override
    public void close() {
        running = false;
        if (probe != null) {
            probe.shutdownNow();
        }
        Thread t = thread;
        if (t != null) {
            if (!RelayLeadership.notify(settings)) {
                t.interrupt();
            }
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    /** Unpublished rows at the last look (every {@link #BACKLOG_CHECK}, by the leader and the standbys alike). */
    public long backlogRows() {
        return backlog.rows();
    }

    /** Seconds since the oldest unpublished row was written, at the last look; 0 when none waited. */
    public double oldestUnpublishedAgeSeconds() {
        Instant oldest = backlog.oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    private void loop() {
        try {
            while (running) {
                try {
                    step();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    LOG.warnf(
                            "outbox relay %s: %s; retrying in %s",
                            settings.schema(), e.toString(), settings.retryBackoff());
                    publisher.close(true);
                    if (e instanceof SQLException) {
                        leadership.close();
                    }
                    sleepQuietly(settings.retryBackoff());
                }
            }
            publisher.close(true);
            leadership.close();
        } catch (Error fatal) {
            // As a process death would: drop producer and session without aborting or marking
            // anything; the next relay fences the open transaction and recovers from the checkpoint.
            LOG.errorf(fatal, "outbox relay %s stopped by a fatal error", settings.schema());
            publisher.close(false);
            leadership.close();
            running = false;
        } finally {
            leader = false;
        }
    }

    /** One round: stand by, or (as the leader) publish a batch and, when the outbox is drained, wait for a commit. */
    private void step() throws Exception {
        boolean was = leader;
        leader = leadership.acquire();
        if (!leader) {
            leadership.awaitNotification(settings.safetyPoll());
            return;
        }
        if (!was) {
            LOG.infof("outbox relay %s is the active relay for schema %s", settings.name(), settings.schema());
        }
        if (!publisher.isOpen()) {
            checkpoints.ensureTopic();
            publisher.open();
            recoverFromCheckpoint();
        }
        int n = publishBatch();
        if (n < settings.batchSize()) {
            cleanupIfDue();
            leadership.awaitNotification(settings.safetyPoll());
        }
    }

    /** Marks the rows of the last committed batch, in case the previous relay died before it could. */
    private void recoverFromCheckpoint() throws SQLException {
        List<UUID> ids = checkpoints.last();
        if (ids.isEmpty()) {
            return;
        }
        int marked = table.markPublished(leadership.connection(), ids);
        if (marked > 0) {
            LOG.infof(
                    "outbox relay %s: recovered %d rows already published by a previous relay",
                    settings.schema(), marked);
        }
    }

    private int publishBatch() throws SQLException {
        List<OutboxTable.Row> rows = table.unpublished(leadership.connection(), settings.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> ids = rows.stream().map(OutboxTable.Row::id).toList();
        long t0 = System.nanoTime();
        publisher.send(rows, checkpoints.record(ids));
        long t1 = System.nanoTime();
        publisher.commit();
        long t2 = System.nanoTime();
        table.markPublished(leadership.connection(), ids);
        batchSteps.timed(t1 - t0, t2 - t1, System.nanoTime() - t2);
        published.addAndGet(rows.size());
        onPublished.accept(rows.size());
        return rows.size();
    }

    /**
     * Every replica looks, not just the leader, and on a thread of its own with a short session of
     * its own: when no relay leads, or the leader is stuck in a Kafka call that does not return
     * (a hung broker), the backlog is still seen growing, which is what the outbox alerts watch.
     */
    private void measureBacklog() {
        java.util.Properties p = RelayLeadership.credentials(settings);
        p.setProperty("currentSchema", settings.schema());
        p.setProperty("ApplicationName", "outbox-backlog-" + settings.name());
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), p)) {
            backlog = table.backlog(c);
        } catch (SQLException e) {
            LOG.debugf("outbox relay %s: backlog not measured (%s)", settings.schema(), e.toString());
        }
    }

    private void cleanupIfDue() throws SQLException {
        if (Duration.between(lastCleanup, Instant.now()).toMinutes() < 10) {
            return;
        }
        lastCleanup = Instant.now();
        int n = table.deletePublishedBefore(leadership.connection(), settings.retention());
        if (n > 0) {
            LOG.debugf("outbox relay %s: deleted %d published rows past retention", settings.schema(), n);
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
