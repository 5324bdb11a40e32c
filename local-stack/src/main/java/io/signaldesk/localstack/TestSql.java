package io.signaldesk.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test helper: plain SQL against the database of the application under test (or any JDBC URL). */
public final class TestSql {
    private TestSql() {}

    /** The first column of the first row of {@code sql}, as a long, in the current test database. */
    public static long count(String sql) {
        return count(LocalInfraTestResource.current.get("quarkus.datasource.jdbc.url"), sql);
    }

    public static long count(String jdbcUrl, String sql) {
        return firstRow(jdbcUrl, sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The first column of the first row of {@code sql} as text (null when there is no row), in the current test database. */
    public static String text(String sql) {
        return firstRow(
                LocalInfraTestResource.current.get("quarkus.datasource.jdbc.url"),
                sql,
                rs -> rs.next() ? rs.getString(1) : null);
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T firstRow(String jdbcUrl, String sql, RowReader<T> reader) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(
                        LocalInfraTestResource.current.get("quarkus.datasource.jdbc.url"), LocalPostgres.USER, "");
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
