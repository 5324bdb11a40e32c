package io.signaldesk.reconciliation.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.reconciliation.service.StatusReads;
import io.signaldesk.reconciliation.service.StatusReads.AccountPositions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PositionsResource {
    private final StatusReads reads;
    private final CurrentUser currentUser;

    public PositionsResource(StatusReads reads, CurrentUser currentUser) {
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/open")
    @Operation(
            summary = "Per account: the positions of the newest snapshot with unrealised P&L, and realised P&L today")
    public Uni<List<AccountPositions>> open() {
        return reads.positions(currentUser.id());
    }
}
