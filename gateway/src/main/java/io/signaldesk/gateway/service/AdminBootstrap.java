package io.signaldesk.gateway.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.signaldesk.gateway.User;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.gateway.repository.UserRepository;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from configuration (gateway.admin.email / password) when it does not exist.
 * Several gateway replicas starting at once may all find it missing: the one whose insert loses the
 * race gets "email taken", which here means another replica created it, not a failed start.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthService auth;
    private final UserRepository users;

    public AdminBootstrap(AuthService auth, UserRepository users) {
        this.auth = auth;
        this.users = users;
    }

    void onStart(@Observes StartupEvent ev, GatewayConfig config) throws Throwable {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String email = config.admin().email().get();
        String password = config.admin().password().get();
        VertxContextSupport.subscribeAndAwait(() -> ensureAdmin(email, password));
    }

    Uni<Void> ensureAdmin(String email, String password) {
        return Panache.withSession(() -> users.findByEmail(email))
                .chain(existing -> existing != null
                        ? mustBeAdmin(existing)
                        : auth.register(
                                        email,
                                        password,
                                        Set.of(User.ADMIN, User.TRADER),
                                        null,
                                        "127.0.0.1",
                                        "bootstrap")
                                .invoke(u -> LOG.infof("created admin %s", email))
                                .replaceWithVoid()
                                .onFailure(AdminBootstrap::emailTaken)
                                .recoverWithUni(() -> Panache.withSession(() -> users.findByEmail(email))
                                        .chain(AdminBootstrap::mustBeAdmin)
                                        .invoke(() -> LOG.infof(
                                                "admin %s was created by another replica meanwhile", email))));
    }

    /**
     * The configured admin email may belong to an account that someone registered through the public
     * API before the first start: that account is not an admin, and taking it for one would leave
     * SignalDesk without an admin (or invite someone to "fix" its roles). Refuse to start instead.
     */
    private static Uni<Void> mustBeAdmin(User u) {
        if (u != null && u.roleSet().contains(User.ADMIN)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .failure(new IllegalStateException("gateway.admin.email " + (u == null ? "?" : u.email)
                        + " belongs to an account without the admin role (registered through the public API?):"
                        + " refusing to start; configure another admin email or remove that account"));
    }

    private static boolean emailTaken(Throwable t) {
        return t instanceof ProblemException p && p.problem().status() == 409;
    }
}
