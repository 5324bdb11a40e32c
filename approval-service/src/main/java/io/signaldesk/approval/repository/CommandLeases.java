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
                + holder.holderGone("d", 5, 4) + "))) "
                + "AND (d.expires_at IS NULL OR d.expires_at > now()) "
                + "ORDER BY d.created_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "UPDATE " + table + " c SET status = 'LEASED', leased_by = $4, "
                + "lease_until = now() + make_interval(secs => $3), delivery_count = c.delivery_count + 1 "
                + "FROM due WHERE c.id = due.id RETURNING c.*, due.taken_over";
    }

    /** Leases up to {@code max} due commands of the device for {@code lease}; in no particular order. */
    public Uni<List<Command>> leaseDue(UUID deviceId, Duration lease, int max) {
        int by = holder.id(); // 0 only before this process has registered: such a lease just runs out
        return pool.preparedQuery(this.lease)
                .execute(Tuple.of(
                        deviceId, max, lease.toMillis() / 1000.0, by == 0 ? null : by, holder.timeoutSeconds()))
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
