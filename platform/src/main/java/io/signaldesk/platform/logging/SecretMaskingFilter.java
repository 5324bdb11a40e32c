package io.signaldesk.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Applied to every log handler ({@code quarkus.log.*.filter=secret-masking}): a line whose message or
 * exception text holds a secret from a URL is rewritten with the secret masked ({@link SecretMasking}),
 * whoever logged it (our code, Vert.x, Netty, Kafka clients).
 */
@LoggingFilter(name = "secret-masking")
public final class SecretMaskingFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String masked = SecretMasking.mask(formatted);
        if (masked != null && !masked.equals(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        Throwable t = record.getThrown();
        if (t != null && holdsSecret(t)) {
            // an exception message names a secret URL: keep its type and masked message, drop the object
            record.setThrown(new MaskedThrowable(t));
        }
        return true;
    }

    /** True when a message in the exception, its causes or its suppressed exceptions would be masked (frames hold no secrets). */
    static boolean holdsSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage();
            if (message != null && !SecretMasking.mask(message).equals(message)) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (holdsSecret(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stands in for an exception whose message or cause chain held a secret. */
    static final class MaskedThrowable extends RuntimeException {
        MaskedThrowable(Throwable original) {
            super(
                    original.getClass().getName() + ": " + SecretMasking.mask(String.valueOf(original.getMessage())),
                    original.getCause() == null ? null : new MaskedThrowable(original.getCause()),
                    false,
                    true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
