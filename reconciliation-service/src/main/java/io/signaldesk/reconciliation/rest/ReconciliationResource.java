package io.signaldesk.reconciliation.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.reconciliation.service.ReconciliationStatusService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReconciliationResource {
    public record StatusView(UUID userId, long openDivergences, Instant lastDetectedAt) {}

    private final ReconciliationStatusService reconciliation;
    private final CurrentUser currentUser;

    public ReconciliationResource(ReconciliationStatusService reconciliation, CurrentUser currentUser) {
        this.reconciliation = reconciliation;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Open divergences between expected and reported positions for the signed-in trader")
    public Uni<StatusView> status() {
        UUID user = currentUser.id();
        return reconciliation.status(user).map(c -> new StatusView(user, c.openDivergences(), c.lastDetectedAt()));
    }
}
