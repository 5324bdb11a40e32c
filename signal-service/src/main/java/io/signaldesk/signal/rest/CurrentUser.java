package io.signaldesk.signal.rest;

import io.signaldesk.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The signed-in user's id from the token's {@code sub}. */
final class CurrentUser {
    private CurrentUser() {
    }

    static UUID id(JsonWebToken jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            throw ProblemException.unauthorized("unauthorized", "The token's subject is not a user id");
        }
    }

    /** Path ids: anything that is not a UUID cannot name a resource, so it is a 404 like an unknown one. */
    static UUID pathId(String raw, String what) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("No " + what + " " + raw);
    }
}
