package io.signaldesk.gateway.service;

import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.signaldesk.gateway.User;
import io.signaldesk.localstack.LocalInfraTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several gateway replicas start at once, each making sure the configured admin exists. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class AdminBootstrapTest {
    @Inject
    AdminBootstrap bootstrap;

    @Inject
    AuthService auth;

    @Test
    void replicasStartingTogetherCreateTheAdminOnceAndAllStart() {
        String email = "admin-" + UUID.randomUUID() + "@replicas.test";
        // each "replica" finds no admin, hashes the password, then inserts: all but one lose the race
        List<CompletableFuture<Void>> starts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(
                                () -> bootstrap.ensureAdmin(email, "correct horse battery staple"));
                    } catch (Throwable t) {
                        throw new AssertionError("replica " + i + " failed to start: " + t, t);
                    }
                }))
                .toList();
        starts.forEach(CompletableFuture::join);
        assertThat(count("SELECT count(*) FROM gateway.users WHERE email = '" + email + "'"))
                .isEqualTo(1);
    }

    @Test
    void anAccountRegisteredWithTheAdminEmailBeforeTheFirstStartStopsTheStart() throws Throwable {
        String email = "squatter-" + UUID.randomUUID() + "@replicas.test";
        VertxContextSupport.subscribeAndAwait(() ->
                auth.register(email, "someone else's password", Set.of(User.TRADER), null, "203.0.113.5", "curl"));
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                        () -> bootstrap.ensureAdmin(email, "correct horse battery staple")))
                .hasMessageContaining("without the admin role");
    }
}
