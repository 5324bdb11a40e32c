package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.LogEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LogRepository implements PanacheRepositoryBase<LogEntry, UUID> {
    /** Newest first; {@code type} and {@code since} (inclusive) are optional. */
    public Uni<List<LogEntry>> page(UUID userId, Divergence.Type type, Instant since, int page, int size) {
        StringBuilder q = new StringBuilder("userId = :u");
        Parameters p = Parameters.with("u", userId);
        if (type != null) {
            q.append(" and type = :type");
            p.and("type", type);
        }
        if (since != null) {
            q.append(" and at >= :since");
            p.and("since", since);
        }
        q.append(" order by at desc, id");
        return find(q.toString(), p).page(page, size).list();
    }
}
