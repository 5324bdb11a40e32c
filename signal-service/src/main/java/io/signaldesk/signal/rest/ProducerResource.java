package io.signaldesk.signal.rest;

import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.platform.security.PathIds;
import io.signaldesk.signal.rest.ProducerModels.CreateProducerRequest;
import io.signaldesk.signal.rest.ProducerModels.ProducerCreated;
import io.signaldesk.signal.rest.ProducerModels.ProducerRotated;
import io.signaldesk.signal.rest.ProducerModels.ProducerView;
import io.signaldesk.signal.rest.ProducerModels.TradingViewTokenRotated;
import io.signaldesk.signal.service.ProducerService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outside signal producers (admin only). Secrets are shown once, at creation and rotation. */
@Path("/api/v1/producers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "producers")
public class ProducerResource {
    private final ProducerService producers;
    private final CurrentUser currentUser;
    private final RequestValidator validator;

    public ProducerResource(ProducerService producers, CurrentUser currentUser, RequestValidator validator) {
        this.producers = producers;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a producer bound to a strategy; answers its HMAC secret and TradingView token once")
    public Uni<Response> create(CreateProducerRequest req) {
        try {
            validator.validate(req);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return producers
                .create(req.toCommand(), currentUser.id())
                .map(ProducerCreated::of)
                .map(p -> Response.created(URI.create("/api/v1/producers/" + p.id()))
                        .entity(p)
                        .build());
    }

    @GET
    @Operation(summary = "All producers, without secrets")
    public Uni<List<ProducerView>> list() {
        Instant now = Instant.now();
        return producers
                .list()
                .map(l -> l.stream().map(p -> ProducerView.of(p, now)).toList());
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "New secret, shown once; the previous one stays valid for signal.producer-secret-grace")
    public Uni<ProducerRotated> rotate(@PathParam("id") String id) {
        return producers.rotate(PathIds.uuid(id, "producer")).map(ProducerRotated::of);
    }

    @POST
    @Path("/{id}/rotate-tradingview-token")
    @Operation(
            summary = "New TradingView webhook token, shown once; the old webhook URL is refused from now on "
                    + "(a token in a URL has no grace period: it may have leaked)")
    public Uni<TradingViewTokenRotated> rotateTradingViewToken(@PathParam("id") String id) {
        return producers.rotateTradingViewToken(PathIds.uuid(id, "producer")).map(TradingViewTokenRotated::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a producer: its signed requests and webhooks are refused from now on")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return producers
                .revoke(PathIds.uuid(id, "producer"))
                .replaceWith(Response.noContent().build());
    }
}
