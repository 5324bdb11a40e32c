package io.signaldesk.reconciliation.rest;

import io.signaldesk.platform.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReconciliationResource {
    public record StatusView(UUID userId, long openDivergences, Instant lastDetectedAt) {
    }

    private final CurrentUser currentUser;

    public ReconciliationResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Open divergences between expected and reported positions for the signed-in trader")
    public Uni<StatusView> status() {
        UUID user = currentUser.id();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("SELECT count(*), max(detected_at) FROM {h-schema}divergences "
                        + "WHERE user_id = :u AND resolved_at IS NULL", Object[].class)
                .setParameter("u", user)
                .getSingleResult()
                .map(row -> new StatusView(user, ((Number) row[0]).longValue(),
                        row[1] == null ? null : toInstant(row[1])))));
    }

    private static Instant toInstant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        return java.sql.Timestamp.class.isInstance(o) ? ((java.sql.Timestamp) o).toInstant() : null;
    }
}
