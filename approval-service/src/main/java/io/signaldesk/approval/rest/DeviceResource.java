package io.signaldesk.approval.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.approval.rest.ApiModels.DeviceRequest;
import io.signaldesk.approval.rest.ApiModels.DeviceView;
import io.signaldesk.approval.service.DeviceService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeviceResource {
    private final DeviceService devices;
    private final CurrentUser currentUser;

    public DeviceResource(DeviceService devices, CurrentUser currentUser) {
        this.devices = devices;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an EA terminal; the response carries its HMAC secret, shown only this once")
    public Uni<Response> register(@Valid @NotNull DeviceRequest req) {
        return devices.register(currentUser.id(), req.name(), req.brokerAccount(), req.brokerServer())
                .map(i -> Response.created(URI.create("/api/v1/devices/" + i.device().id))
                        .entity(DeviceView.of(i.device(), i.secret()))
                        .build());
    }

    @GET
    @Operation(summary = "Your devices, without secrets, each with its account's tripped guards")
    public Uni<List<DeviceView>> list() {
        return devices.list(currentUser.id())
                .map(l -> l.stream().map(DeviceView::of).toList());
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "New secret (shown once); the previous one stays valid for the grace period")
    public Uni<DeviceView> rotate(@PathParam("id") UUID id) {
        return devices.rotate(currentUser.id(), id).map(i -> DeviceView.of(i.device(), i.secret()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke: every request signed by this device is refused from now on")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return devices.revoke(currentUser.id(), id)
                .replaceWith(Response.noContent().build());
    }
}
