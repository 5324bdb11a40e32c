package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.reconciliation.repository.DivergenceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A trader's reconciliation status: open divergences between expected and reported positions. */
@ApplicationScoped
public class ReconciliationStatusService {
    private final DivergenceRepository divergences;

    public ReconciliationStatusService(DivergenceRepository divergences) {
        this.divergences = divergences;
    }

    public Uni<DivergenceRepository.OpenCount> status(UUID userId) {
        return Panache.withSession(() -> divergences.openOf(userId));
    }
}
