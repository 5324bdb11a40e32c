package io.signaldesk.approval.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.approval.rest.ApiModels.SubscriptionRequest;
import io.signaldesk.approval.rest.ApiModels.SubscriptionView;
import io.signaldesk.approval.service.SubscriptionService;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SubscriptionResource {
    private final SubscriptionService subscriptions;
    private final CurrentUser currentUser;

    public SubscriptionResource(SubscriptionService subscriptions, CurrentUser currentUser) {
        this.subscriptions = subscriptions;
        this.currentUser = currentUser;
    }

    @POST
    public Uni<Response> subscribe(@Valid @NotNull SubscriptionRequest req) {
        return subscriptions
                .subscribe(currentUser.id(), req.toFollow())
                .map(s -> Response.created(URI.create("/api/v1/subscriptions/" + s.id))
                        .entity(SubscriptionView.of(s))
                        .build());
    }

    @GET
    public Uni<List<SubscriptionView>> list() {
        return subscriptions
                .list(currentUser.id())
                .map(l -> l.stream().map(SubscriptionView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> unsubscribe(@PathParam("id") UUID id) {
        return subscriptions
                .unsubscribe(currentUser.id(), id)
                .replaceWith(Response.noContent().build());
    }
}
