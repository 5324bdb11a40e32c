package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.reconciliation.repository.DivergenceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** A trader's reconciliation status: open divergences between expected and reported positions. */
@ApplicationScoped
public class ReconciliationStatusService {
    /** How many of a trader's divergences are open, and when the newest was detected (null: none). */
    public record Status(long openDivergences, Instant lastDetectedAt) {}

    private final DivergenceRepository divergences;

    public ReconciliationStatusService(DivergenceRepository divergences) {
        this.divergences = divergences;
    }

    public Uni<Status> status(UUID userId) {
        return Panache.withSession(() -> divergences.openOf(userId)).map(c -> new Status(c.open(), c.lastDetectedAt()));
    }
}
