package io.signaldesk.platform.messaging;

import io.signaldesk.platform.problem.DatabaseFailures;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of an event handler are worth retrying: the infrastructure being away or busy
 * (no connection, a timeout, a serialization failure or deadlock, a server shutting down). Anything
 * else, a bug or an event that can never be applied (a null where a value is required, a constraint
 * violation), fails the same way every time: retrying it would block the partition for good.
 */
public final class Transience {
    private Transience() {}

    public static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PoisonEventException) {
                return false;
            }
            if (c instanceof IOException
                    || c instanceof TimeoutException
                    || c instanceof jakarta.persistence.PessimisticLockException
                    || c instanceof jakarta.persistence.LockTimeoutException
                    || c.getClass().getName().startsWith("io.vertx.sqlclient.ClosedConnectionException")
                    || c.getClass().getName().equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                    || c.getClass().getName().equals("io.vertx.core.VertxException")
                            && String.valueOf(c.getMessage()).contains("onnection")) {
                return true;
            }
        }
        String state = DatabaseFailures.sqlState(t);
        if (state != null) {
            // 08 connection, 40 serialization failure / deadlock, 53 insufficient resources, 57 operator intervention
            // (shutdown, cancelled), 58 system error: the same statement may well succeed later
            return state.startsWith("08")
                    || state.startsWith("40")
                    || state.startsWith("53")
                    || state.startsWith("57")
                    || state.startsWith("58");
        }
        return false;
    }
}
