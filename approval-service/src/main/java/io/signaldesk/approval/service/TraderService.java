package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Trader;
import io.signaldesk.approval.repository.TraderRepository;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Trader profiles, created from users.v1. */
@ApplicationScoped
public class TraderService {
    private final TraderRepository traders;

    public TraderService(TraderRepository traders) {
        this.traders = traders;
    }

    public Uni<Trader> profile(UUID userId) {
        return Panache.withSession(() -> traders.findById(userId)).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("No trader profile yet for " + userId);
            }
            return t;
        });
    }

    /** In the inbox transaction of the users.v1 consumer (applied once per event). */
    public Uni<Void> registered(UserRegistered e) {
        Trader t = new Trader();
        t.userId = e.userId();
        t.email = e.email();
        t.registeredAt = e.registeredAt();
        return traders.persist(t).replaceWithVoid();
    }
}
