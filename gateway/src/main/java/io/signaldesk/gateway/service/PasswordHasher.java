package io.signaldesk.gateway.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * bcrypt (cost 12) through Quarkus' Elytron utility. Hashing is deliberately slow, so it runs on a
 * worker thread and the result comes back on the caller's Vert.x context.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final int COST = 12;
    /** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
    private static final String DUMMY = BcryptUtil.bcryptHash("no-such-user-dummy-password", COST);

    private final Vertx vertx;

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, COST)));
    }

    public Uni<Boolean> matches(String password, String hashOrNull) {
        return vertx.executeBlocking(Uni.createFrom()
                .item(() ->
                        BcryptUtil.matches(password, hashOrNull == null ? DUMMY : hashOrNull) && hashOrNull != null));
    }
}
