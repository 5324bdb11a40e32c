package io.signaldesk.platform.problem;

/**
 * Recognising database failures that are answers, not faults: a unique violation is a duplicate
 * (two identical requests raced past the service's own check), a foreign-key violation a reference
 * that is gone, a data exception a value Postgres cannot hold. The transaction has rolled back in
 * each case, so nothing was half-written.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {}

    /** True when {@code t} (or a cause) is a unique violation (SQLSTATE 23505) of a constraint whose name starts with {@code constraintPrefix}. */
    public static boolean isUniqueViolation(Throwable t, String constraintPrefix) {
        String state = sqlState(t);
        String constraint = constraint(t);
        return "23505".equals(state) && constraint != null && constraint.startsWith(constraintPrefix);
    }

    /** The SQLSTATE of the first database error in {@code t}'s causes, or null. */
    public static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg) {
                return pg.getSqlState();
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException cve && cve.getSQLState() != null) {
                return cve.getSQLState();
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static String constraint(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && pg.getConstraint() != null) {
                return pg.getConstraint();
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getConstraintName() != null) {
                return cve.getConstraintName();
            }
        }
        return null;
    }

    /** The problem a client error from the database answers with, or null for a real fault. */
    public static Problem asProblem(Throwable t) {
        String state = sqlState(t);
        if (state == null) {
            return null;
        }
        if (state.equals("23505")) {
            return Problem.of(409, "duplicate", "Conflict", "This already exists (a concurrent identical request won)");
        }
        if (state.equals("23503")) {
            return Problem.of(
                    409, "reference-gone", "Conflict", "The request refers to something that no longer exists");
        }
        if (state.startsWith("22")) { // data exception: invalid text, value out of range
            return Problem.of(400, "bad-request", "Bad request", "A value in the request cannot be stored");
        }
        return null;
    }
}
