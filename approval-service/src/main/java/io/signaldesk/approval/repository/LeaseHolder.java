package io.signaldesk.approval.repository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * This process as the holder of the command leases it hands out ({@code lease_holders}, V13). It
 * registers under a random id before the first poll, refreshes {@code seen_at} every heartbeat and
 * deletes its row when it stops. {@link CommandLeases} treats a command leased by a holder without a
 * fresh row as due: when a process dies with poll answers in flight, the terminals' next polls (on
 * another replica, or on this one restarted) get those commands again within {@code timeout}, not when
 * the 30 s lease runs out. Only answers that never left the process are taken over: once an answer is
 * written, {@link CommandLeases#written} clears its leases' holder and they just run out.
 *
 * <p>Two guards keep a live process' answers from being delivered twice. A process whose own heartbeat
 * is late (more than half the timeout: a hung statement, a starved pool, a paused database) names no
 * holder in the leases it takes meanwhile ({@link #holderForNewLeases}), so nobody takes them over. And
 * a process takes over other holders' leases only after its own heartbeats have landed for a whole
 * timeout ({@link #mayTakeOver}): after a database pause every row looks stale until each live process'
 * next heartbeat lands. A holder that was only slow for longer than the timeout may still see answers it
 * was about to write delivered again; the EA protocol allows that ({@code deliveryCount > 1},
 * {@code clientOrderId}).
 */
@ApplicationScoped
public class LeaseHolder {
    private static final Logger LOG = Logger.getLogger(LeaseHolder.class);
    /** Rows of holders gone this long are deleted; their leases ran out long before. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private static final String HEARTBEAT_JOB = "lease-holder-heartbeat";

    private final Pool pool;
    private final ApprovalConfig.LeaseHolder config;
    private final String table;
    private final SecureRandom random = new SecureRandom();
    private volatile int id;
    private volatile long lastSeenNanos;
    /** Since when this process' heartbeats have landed without a gap of more than two intervals. */
    private volatile long healthySinceNanos;

    private Scheduler scheduler;

    public LeaseHolder(Pool pool, ApprovalConfig config, PlatformConfig platform, MeterRegistry metrics) {
        this.pool = pool;
        this.config = config.leaseHolder();
        if (this.config.heartbeat().isNegative()
                || this.config.heartbeat().isZero()
                || this.config.timeout().compareTo(this.config.heartbeat().multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("approval.lease-holder: the timeout (" + this.config.timeout()
                    + ") must be at least three heartbeats (" + this.config.heartbeat()
                    + "), or a busy but live process would lose its leases");
        }
        this.table = "\"" + platform.schema() + "\".lease_holders";
        Gauge.builder("signaldesk.ea.lease_holder.heartbeat.age", this, h -> h.heartbeatAgeSeconds())
                .description("seconds since this process last refreshed its lease-holder row")
                .baseUnit("seconds")
                .register(metrics);
    }

    /** Registered before the HTTP server takes the first poll. */
    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        register().await().atMost(Duration.ofSeconds(30));
        this.scheduler = scheduler;
        scheduler
                .newJob(HEARTBEAT_JOB)
                .setInterval(config.heartbeat().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> heartbeat())
                .schedule();
    }

    /** A stopping process hands its leases back at once. */
    void stop(@Observes ShutdownEvent ignored) {
        int mine = id;
        if (mine == 0) {
            return;
        }
        id = 0; // leases taken from here on name no holder and just run out
        if (scheduler != null) {
            scheduler.unscheduleJob(HEARTBEAT_JOB);
        }
        try {
            pool.preparedQuery("DELETE FROM " + table + " WHERE id = $1")
                    .execute(Tuple.of(mine))
                    .await()
                    .atMost(Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "lease holder %d: could not deregister (%s); its leases are due after %s",
                    mine, e, config.timeout());
        }
    }

    /** This process' holder id (0 once it stopped). */
    public int id() {
        return id;
    }

    /**
     * The holder to write into a lease taken now: this process, or none (0) while its own heartbeat is
     * late. Others may soon see this process' row as stale; a lease that names no holder just runs out.
     */
    public int holderForNewLeases() {
        return fresh() ? id : 0;
    }

    /** Whether this process may take over the leases of holders whose rows look stale. */
    public boolean mayTakeOver() {
        return fresh()
                && System.nanoTime() - healthySinceNanos >= config.timeout().toNanos();
    }

    private boolean fresh() {
        return id != 0 && System.nanoTime() - lastSeenNanos <= config.timeout().toNanos() / 2;
    }

    /**
     * The SQL condition "the holder of {@code alias}' lease is gone", with the timeout in seconds as
     * {@code $timeoutParam}, this process' id as {@code $ownParam} and {@link #mayTakeOver} as
     * {@code $mayParam}. A process never takes its own leases over: it knows it is alive even when its
     * row looks old (the database was paused, its heartbeat late).
     */
    String holderGone(String alias, int timeoutParam, int ownParam, int mayParam) {
        return "($" + mayParam + " AND " + alias + ".leased_by IS NOT NULL AND " + alias
                + ".leased_by IS DISTINCT FROM $" + ownParam
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " h WHERE h.id = " + alias
                + ".leased_by AND h.seen_at > now() - make_interval(secs => $" + timeoutParam + ")))";
    }

    double timeoutSeconds() {
        return config.timeout().toMillis() / 1000.0;
    }

    private Uni<Void> register() {
        int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
        return pool.preparedQuery("INSERT INTO " + table + " (id) VALUES ($1) ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(candidate))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return register(); // taken by another process: draw again
                    }
                    id = candidate;
                    long now = System.nanoTime();
                    lastSeenNanos = now;
                    healthySinceNanos = now;
                    LOG.infof("lease holder %d registered", candidate);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Refreshes this process' row (recreating it if it was forgotten) and forgets long-gone holders. */
    Uni<Void> heartbeat() {
        int mine = id;
        if (mine == 0) {
            return Uni.createFrom().voidItem(); // stopped: never recreate the row
        }
        return pool.preparedQuery(
                        "INSERT INTO " + table + " (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET seen_at = now()")
                .execute(Tuple.of(mine))
                // a statement that never answers (a lost connection) must not stop every later heartbeat
                // (they skip while one runs); freshness goes by lastSeenNanos, not by this
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .invoke(() -> {
                    long now = System.nanoTime();
                    if (now - lastSeenNanos > config.heartbeat().toNanos() * 2) {
                        healthySinceNanos = now; // after a gap: wait a whole timeout before taking over
                    }
                    lastSeenNanos = now;
                })
                .chain(() -> pool.preparedQuery("DELETE FROM " + table
                                + " WHERE seen_at < now() - make_interval(secs => $1) AND id <> $2")
                        .execute(Tuple.of((double) FORGET_AFTER.toSeconds(), mine)))
                .replaceWithVoid()
                .onFailure()
                .invoke(t -> LOG.warnf(
                        "lease holder %d: heartbeat failed (%s); after %s other polls take its leases",
                        mine, t.toString(), config.timeout()))
                .onFailure()
                .recoverWithNull();
    }

    private double heartbeatAgeSeconds() {
        return lastSeenNanos == 0 ? 0 : (System.nanoTime() - lastSeenNanos) / 1e9;
    }
}
