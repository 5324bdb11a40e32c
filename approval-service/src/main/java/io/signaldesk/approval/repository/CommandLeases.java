package io.signaldesk.approval.repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.approval.Command;
import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.platform.events.Side;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The EA poll's lease, the hottest write there is: one statement, one round trip. It picks the
 * device's due commands (PENDING, or LEASED with the lease run out; OPEN ones only before their
 * expiry), oldest first, skipping rows another transaction holds, and leases them on the database's
 * clock, as everywhere else leases and expiry are decided. The same work through Hibernate took a
 * BEGIN, a clock read, the locking select, one UPDATE per command and a COMMIT.
 *
 * <p>A lease names its holder, this process ({@link LeaseHolder}); a LEASED command whose holder is gone
 * (stopped, or not seen for {@code approval.lease-holder.timeout}) is due at once, as if its lease had run
 * out: the answer of a poll that died with its process is delivered again by the terminal's next poll.
 */
@ApplicationScoped
public class CommandLeases {
    private final Pool pool;
    private final LeaseHolder holder;
    private final Counter takenOver;
    private final String lease;
    private final String written;

    public CommandLeases(Pool pool, PlatformConfig config, LeaseHolder holder, MeterRegistry metrics) {
        this.pool = pool;
        this.holder = holder;
        this.takenOver = Counter.builder("signaldesk.ea.commands.taken_over")
                .description(
                        "leased commands due again before their lease ran out because their holder process was gone")
                .register(metrics);
        String table = "\"" + config.schema() + "\".commands";
        this.lease = "WITH due AS (SELECT d.id, d.status = 'LEASED' AND d.lease_until >= now() AS taken_over FROM "
                + table + " d WHERE d.device_id = $1 "
                + "AND (d.status = 'PENDING' OR (d.status = 'LEASED' AND (d.lease_until < now() OR "
                + holder.holderGone("d", 5, 4, 6) + "))) "
                + "AND (d.expires_at IS NULL OR d.expires_at > now()) "
                + "ORDER BY d.created_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "UPDATE " + table + " c SET status = 'LEASED', leased_by = $4, "
                + "lease_until = now() + make_interval(secs => $3), delivery_count = c.delivery_count + 1 "
                + "FROM due WHERE c.id = due.id RETURNING c.*, due.taken_over";
        this.written = "UPDATE " + table + " SET leased_by = NULL WHERE id = ANY($1) AND leased_by = $2";
    }

    /** Leases up to {@code max} due commands of the device for {@code lease}; in no particular order. */
    public Uni<List<Command>> leaseDue(UUID deviceId, Duration lease, int max) {
        // 0 before this process registered, after it stopped, and while its heartbeat is late: such a
        // lease names no holder and just runs out
        int by = holder.holderForNewLeases();
        return pool.preparedQuery(this.lease)
                .execute(Tuple.tuple(Arrays.asList(
                        deviceId,
                        max,
                        lease.toMillis() / 1000.0,
                        by == 0 ? null : by,
                        holder.timeoutSeconds(),
                        holder.mayTakeOver())))
                .map(rows -> {
                    List<Command> leased = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        if (Boolean.TRUE.equals(r.getBoolean("taken_over"))) {
                            takenOver.increment();
                        }
                        leased.add(command(r));
                    }
                    return leased;
                });
    }

    /**
     * The answer carrying these leases was written to the connection: they name no holder any more, so
     * they are never taken over and just run out (the EA holds them and is executing them).
     */
    public Uni<Void> written(List<Command> leased) {
        List<UUID> ids = new ArrayList<>(leased.size());
        Integer by = null;
        for (Command c : leased) {
            ids.add(c.id);
            by = c.leasedBy;
        }
        if (ids.isEmpty() || by == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(written)
                .execute(Tuple.of(ids.toArray(new UUID[0]), by))
                .replaceWithVoid();
    }

    static Command command(Row r) {
        Command c = new Command();
        c.id = r.getUUID("id");
        c.deviceId = r.getUUID("device_id");
        c.userId = r.getUUID("user_id");
        c.approvalId = r.getUUID("approval_id");
        c.type = Command.Type.valueOf(r.getString("type"));
        c.instrument = r.getString("instrument");
        String side = r.getString("side");
        c.side = side == null ? null : Side.valueOf(side);
        c.volume = r.getBigDecimal("volume");
        c.entry = r.getBigDecimal("entry");
        c.stopLoss = r.getBigDecimal("stop_loss");
        c.takeProfit = r.getBigDecimal("take_profit");
        c.ticket = r.getLong("ticket");
        c.status = Command.Status.valueOf(r.getString("status"));
        c.leaseUntil = instant(r, "lease_until");
        c.deliveryCount = r.getInteger("delivery_count");
        c.leasedBy = r.getInteger("leased_by");
        c.createdAt = instant(r, "created_at");
        c.expiresAt = instant(r, "expires_at");
        c.signalPublishedAt = instant(r, "signal_published_at");
        c.ackedAt = instant(r, "acked_at");
        c.ackTicket = r.getLong("ack_ticket");
        c.ackPrice = r.getBigDecimal("ack_price");
        c.ackVolume = r.getBigDecimal("ack_volume");
        c.ackExecutedAt = instant(r, "ack_executed_at");
        c.ackError = r.getString("ack_error");
        c.ackFingerprint = r.getString("ack_fingerprint");
        return c;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
