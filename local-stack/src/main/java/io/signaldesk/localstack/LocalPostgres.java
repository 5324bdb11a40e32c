package io.signaldesk.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server on loopback: reuses one that already answers on the port (trust auth as
 * {@code postgres}), otherwise starts the zonky embedded binaries (PostgreSQL 17) on it.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";

    private final int port;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(int port, EmbeddedPostgres embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    /**
     * @param port    port to use (reused when something answers there)
     * @param dataDir data directory to keep between runs, or null for a throw-away one
     * @param reset   wipe the data directory first
     */
    public static LocalPostgres ensure(int port, Path dataDir, boolean reset) {
        if (Ports.isListening(port) && canConnect(port)) {
            return new LocalPostgres(port, null);
        }
        try {
            Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "signaldesk-pg-bin"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                if (reset && Files.exists(dataDir)) {
                    // initdb refuses a non-empty directory; the builder's "clean" only deletes on close
                    LocalKafka.deleteTree(dataDir);
                }
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new LocalPostgres(port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public boolean startedHere() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    /** Creates the database when missing; with {@code fresh}, drops it first. */
    public void createDatabase(String name, boolean fresh) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement st = c.createStatement()) {
            if (fresh) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public void dropDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
    }

    private static boolean canConnect(int port) {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/postgres", USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
