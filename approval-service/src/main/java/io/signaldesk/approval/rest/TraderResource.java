package io.signaldesk.approval.rest;

import io.signaldesk.platform.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.signaldesk.approval.Trader;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/traders")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TraderResource {
    public record TraderView(UUID userId, String email, Instant registeredAt) {
    }

    private final CurrentUser currentUser;

    public TraderResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    @Path("/me")
    @WithSession
    @Operation(summary = "The signed-in trader's profile (created from UserRegistered)")
    public Uni<TraderView> me() {
        return Trader.<Trader>findById(currentUser.id()).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("No trader profile yet for " + currentUser.id());
            }
            return new TraderView(t.userId, t.email, t.registeredAt);
        });
    }
}
