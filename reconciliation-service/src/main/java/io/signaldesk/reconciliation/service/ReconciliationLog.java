package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.LogEntry;
import io.signaldesk.reconciliation.repository.LogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trader's reconciliation log, newest first. */
@ApplicationScoped
public class ReconciliationLog {
    private final LogRepository log;

    public ReconciliationLog(LogRepository log) {
        this.log = log;
    }

    public Uni<List<LogEntry>> page(UUID userId, Divergence.Type type, Instant since, int page, int size) {
        return Panache.withSession(() -> log.page(userId, type, since, page, size));
    }
}
