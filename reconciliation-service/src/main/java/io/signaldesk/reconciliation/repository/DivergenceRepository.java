package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Divergences between the positions we expect and those the broker reports. */
@ApplicationScoped
public class DivergenceRepository {
    /** How many of a trader's divergences are open, and when the newest was detected (null: none). */
    public record OpenCount(long open, Instant lastDetectedAt) {}

    public Uni<OpenCount> openOf(UUID userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*), max(detected_at) FROM {h-schema}divergences "
                                        + "WHERE user_id = :u AND resolved_at IS NULL",
                                Object[].class)
                        .setParameter("u", userId)
                        .getSingleResult()
                        .map(row -> new OpenCount(
                                ((Number) row[0]).longValue(), row[1] == null ? null : toInstant(row[1]))));
    }

    private static Instant toInstant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        return o instanceof Timestamp t ? t.toInstant() : null;
    }
}
