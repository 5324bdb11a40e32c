package io.signaldesk.approval.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.approval.service.TraderService;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/traders")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TraderResource {
    public record TraderView(UUID userId, String email, Instant registeredAt) {}

    private final TraderService traders;
    private final CurrentUser currentUser;

    public TraderResource(TraderService traders, CurrentUser currentUser) {
        this.traders = traders;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in trader's profile (created from UserRegistered)")
    public Uni<TraderView> me() {
        return traders.profile(currentUser.id()).map(t -> new TraderView(t.userId, t.email, t.registeredAt));
    }
}
