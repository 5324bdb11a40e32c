package io.signaldesk.platform.security;

import io.signaldesk.platform.problem.ProblemException;
import java.util.UUID;

/** Ids in paths: anything that is not a UUID cannot name a resource, so it is a 404 like an unknown one. */
public final class PathIds {
    private PathIds() {}

    public static UUID uuid(String raw, String what) {
        UUID id = parse(raw);
        if (id == null) {
            throw ProblemException.notFound("No " + what + " " + raw);
        }
        return id;
    }

    /** {@code raw} as a UUID in its 36-character form, or null (UUID.fromString alone also takes "1-1-1-1-1"). */
    public static UUID parse(String raw) {
        try {
            return raw != null && raw.length() == 36 ? UUID.fromString(raw) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
