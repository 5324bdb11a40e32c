package io.signaldesk.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The relay's queries on its schema's {@code outbox} table, over the leader's session. */
class OutboxTable {
    /** An unpublished row, as the relay sends it. */
    record Row(
            UUID id,
            long seq,
            String topic,
            String key,
            String type,
            String source,
            String payload,
            String traceParent,
            Instant createdAt) {}

    /** The oldest unpublished rows, in {@code seq} order. */
    List<Row> unpublished(Connection conn, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, seq, topic, message_key, event_type, source, payload, trace_parent, created_at "
                        + "FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return rows;
    }

    /** How many rows wait to be published, and when the oldest of them was written (null when none). */
    record Backlog(long rows, Instant oldest) {}

    Backlog backlog(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    /** Marks rows published; returns how many were not already. */
    int markPublished(Connection conn, List<UUID> ids) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE id = ANY (?) AND published_at IS NULL")) {
            Array arr = conn.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, arr);
            return ps.executeUpdate();
        }
    }

    /** Deletes published rows older than the retention; returns how many. */
    int deletePublishedBefore(Connection conn, Duration retention) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, retention.toSeconds());
            return ps.executeUpdate();
        }
    }
}
