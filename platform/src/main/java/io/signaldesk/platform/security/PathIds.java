package io.signaldesk.platform.security;

import io.signaldesk.platform.problem.ProblemException;

import java.util.UUID;

/** Ids in paths: anything that is not a UUID cannot name a resource, so it is a 404 like an unknown one. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID uuid(String raw, String what) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.notFound("No " + what + " " + raw);
    }
}
