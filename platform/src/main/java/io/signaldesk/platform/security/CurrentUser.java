package io.signaldesk.platform.security;

import io.signaldesk.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of this request: the id in the verified token's {@code sub}. A token whose
 * subject is not a user id is a 401, the same answer as any other unusable token, in every service.
 */
@RequestScoped
public class CurrentUser {
    private final JsonWebToken jwt;

    public CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public UUID id() {
        UUID id = PathIds.parse(jwt.getSubject());
        if (id == null) {
            throw ProblemException.unauthorized("unauthorized", "The token's subject is not a user id");
        }
        return id;
    }
}
