package io.signaldesk.gateway.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.signaldesk.gateway.User;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.gateway.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/** Creates the first admin from configuration (gateway.admin.email / password) when it does not exist. */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent ev, GatewayConfig config, AuthService auth, UserRepository users)
            throws Throwable {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String email = config.admin().email().get();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> users.findByEmail(email))
                .chain(existing -> existing != null
                        ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : auth.register(
                                        email,
                                        config.admin().password().get(),
                                        Set.of(User.ADMIN, User.TRADER),
                                        null,
                                        "127.0.0.1",
                                        "bootstrap")
                                .invoke(u -> LOG.infof("created admin %s", email))
                                .replaceWithVoid()));
    }
}
