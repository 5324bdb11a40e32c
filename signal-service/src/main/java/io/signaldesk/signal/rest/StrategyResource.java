package io.signaldesk.signal.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.signaldesk.signal.Strategy;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/strategies")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StrategyResource {
    public record StrategyView(UUID id, String name, String kind, String instrument, String timeframe, Instant createdAt) {
    }

    @GET
    @WithSession
    @Operation(summary = "All strategies")
    public Uni<List<StrategyView>> list() {
        return Strategy.<Strategy>find("order by name").list().map(l -> l.stream()
                .map(s -> new StrategyView(s.id, s.name, s.kind, s.instrument, s.timeframe, s.createdAt)).toList());
    }
}
