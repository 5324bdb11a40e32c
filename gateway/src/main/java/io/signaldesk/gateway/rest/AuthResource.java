package io.signaldesk.gateway.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.gateway.rest.AuthModels.LoginRequest;
import io.signaldesk.gateway.rest.AuthModels.RefreshRequest;
import io.signaldesk.gateway.rest.AuthModels.RegisterRequest;
import io.signaldesk.gateway.rest.AuthModels.TokenResponse;
import io.signaldesk.gateway.rest.AuthModels.UserView;
import io.signaldesk.gateway.service.AuthService;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {
    private final AuthService auth;
    private final CurrentUser currentUser;

    public AuthResource(AuthService auth, CurrentUser currentUser) {
        this.auth = auth;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/auth/register")
    @Operation(summary = "Create a trader account; publishes UserRegistered")
    public Uni<Response> register(
            @Valid @NotNull RegisterRequest req,
            @CookieParam(AuthModels.ATTRIBUTION_COOKIE) String attribution,
            @Context HttpServerRequest http) {
        return auth.register(
                        req.toCommand(attribution), http.remoteAddress().hostAddress(), http.getHeader("User-Agent"))
                .map(u -> Response.created(URI.create("/api/v1/me"))
                        .entity(UserView.of(u))
                        .build());
    }

    @POST
    @Path("/auth/login")
    @Operation(summary = "Exchange email and password for an access token and a refresh token")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest req) {
        return auth.login(req.toCommand()).map(TokenResponse::of);
    }

    @POST
    @Path("/auth/refresh")
    @Operation(summary = "Rotate a refresh token; reusing a rotated one revokes its whole login")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest req) {
        return auth.refresh(req.refreshToken()).map(TokenResponse::of);
    }

    @POST
    @Path("/auth/logout")
    @Operation(summary = "Revoke the refresh token's login")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest req) {
        return auth.logout(req.refreshToken()).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user")
    public Uni<UserView> me() {
        return auth.findUser(currentUser.id()).map(u -> {
            if (u == null) {
                throw ProblemException.notFound("user " + currentUser.id());
            }
            return UserView.of(u);
        });
    }
}
