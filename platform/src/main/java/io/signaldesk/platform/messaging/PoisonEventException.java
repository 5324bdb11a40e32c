package io.signaldesk.platform.messaging;

/** An event that can never be applied (unreadable, invalid): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
