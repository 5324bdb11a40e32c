package io.signaldesk.signal.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.signal.rest.StrategyModels.CreateStrategyRequest;
import io.signaldesk.signal.rest.StrategyModels.StrategyView;
import io.signaldesk.signal.service.StrategyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/strategies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "strategies")
public class StrategyResource {
    private final StrategyService strategies;
    private final JsonWebToken jwt;

    public StrategyResource(StrategyService strategies, JsonWebToken jwt) {
        this.strategies = strategies;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "All strategies")
    public Uni<List<StrategyView>> list() {
        return strategies.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One strategy")
    public Uni<StrategyView> get(@PathParam("id") String id) {
        return strategies.get(CurrentUser.pathId(id, "strategy"));
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Create a strategy (admin); the name is unique regardless of case")
    public Uni<Response> create(CreateStrategyRequest req) {
        return strategies.create(req, CurrentUser.id(jwt))
                .map(s -> Response.created(URI.create("/api/v1/strategies/" + s.id())).entity(s).build());
    }
}
