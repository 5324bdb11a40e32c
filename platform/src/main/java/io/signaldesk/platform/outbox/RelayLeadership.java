package io.signaldesk.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The relay's own Postgres session: {@code LISTEN outbox_<schema>} for commits to publish, and the
 * session advisory lock that makes one relay per schema the active one (the lock goes with the
 * session, so a dead relay's lock is released when Postgres drops its connection).
 */
class RelayLeadership implements AutoCloseable {
    private final OutboxRelay.Settings settings;
    private Connection conn;
    private boolean leader;

    RelayLeadership(OutboxRelay.Settings settings) {
        this.settings = settings;
    }

    /** The session, opened (and listening) if it was not open or no longer valid; a new session is not the leader. */
    Connection connection() throws SQLException {
        if (conn != null && conn.isValid(2)) {
            return conn;
        }
        close();
        Properties p = credentials(settings);
        p.setProperty("currentSchema", settings.schema());
        p.setProperty("ApplicationName", "outbox-relay-" + settings.name());
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), p);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + settings.channel());
        }
        conn = c;
        return c;
    }

    /** True once this session holds the schema's relay lock (kept until the session ends). */
    boolean acquire() throws SQLException {
        if (leader) {
            return true;
        }
        try (PreparedStatement ps = connection().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, settings.lockKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                leader = rs.getBoolean(1);
            }
        }
        return leader;
    }

    boolean isLeader() {
        return leader;
    }

    /** Waits up to {@code max} for a commit notification, then drains the rest: one batch query serves them all. */
    void awaitNotification(Duration max) throws SQLException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        PGConnection pg = connection().unwrap(PGConnection.class);
        PGNotification[] notes = pg.getNotifications((int) Math.max(1, max.toMillis()));
        if (notes != null && notes.length > 0) {
            pg.getNotifications(1);
        }
    }

    /** Wakes a relay thread out of its LISTEN wait from another session (pgjdbc does not react to interrupts). */
    static boolean notify(OutboxRelay.Settings settings) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials(settings));
                Statement st = c.createStatement()) {
            st.execute("NOTIFY " + settings.channel());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static Properties credentials(OutboxRelay.Settings settings) {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        return p;
    }

    /** Ends the session, and with it the leadership. */
    @Override
    public void close() {
        Connection c = conn;
        conn = null;
        leader = false;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                OutboxRelay.LOG.debugf("closing relay connection: %s", e);
            }
        }
    }
}
