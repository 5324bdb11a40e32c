package io.signaldesk.signal.service;

/** Recognising database failures that are answers, not faults. */
final class Failures {
    private Failures() {
    }

    /** True when {@code t} (or a cause) is a unique violation (SQLSTATE 23505) of a constraint whose name starts with {@code constraintPrefix}. */
    static boolean isUniqueViolation(Throwable t, String constraintPrefix) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getConstraintName() != null && cve.getConstraintName().startsWith(constraintPrefix)) {
                return true;
            }
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                    && pg.getConstraint() != null && pg.getConstraint().startsWith(constraintPrefix)) {
                return true;
            }
        }
        return false;
    }
}
