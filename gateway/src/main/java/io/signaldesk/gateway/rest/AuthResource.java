package io.signaldesk.gateway.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.gateway.rest.AuthModels.LoginRequest;
import io.signaldesk.gateway.rest.AuthModels.RefreshRequest;
import io.signaldesk.gateway.rest.AuthModels.RegisterRequest;
import io.signaldesk.gateway.rest.AuthModels.TokenResponse;
import io.signaldesk.gateway.rest.AuthModels.UserView;
import io.signaldesk.gateway.rest.AuthModels.WebTokenResponse;
import io.signaldesk.gateway.service.AuthService;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {
    private final AuthService auth;
    private final CurrentUser currentUser;
    private final GatewayConfig config;
    private final RequestValidator validator;

    public AuthResource(AuthService auth, CurrentUser currentUser, GatewayConfig config, RequestValidator validator) {
        this.auth = auth;
        this.currentUser = currentUser;
        this.config = config;
        this.validator = validator;
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
    @Operation(
            summary = "Exchange email and password for an access token and a refresh token",
            description = "With the header X-SignalDesk-Client: web (the console) the refresh token is not in the"
                    + " body but in the HttpOnly cookie sd_refresh (Path=/api/v1/auth)")
    public Uni<Response> login(
            @Valid @NotNull LoginRequest req, @HeaderParam(RefreshCookie.CLIENT_HEADER) String client) {
        boolean web = RefreshCookie.isWeb(client);
        return auth.login(req.toCommand()).map(t -> tokens(t, web));
    }

    @POST
    @Path("/auth/refresh")
    @Operation(
            summary = "Rotate a refresh token; reusing a rotated one revokes its whole login",
            description = "API clients send {refreshToken}; the console sends X-SignalDesk-Client: web and its"
                    + " sd_refresh cookie (and gets the rotated one as a cookie). The cookie without that header"
                    + " is refused (403)")
    @Consumes(MediaType.WILDCARD) // the console's fetch may send no body and no Content-Type
    public Uni<Response> refresh(
            byte[] body, @HeaderParam(RefreshCookie.CLIENT_HEADER) String client, @Context HttpHeaders headers) {
        List<String> cookies = cookieHeaders(headers);
        if (RefreshCookie.isWeb(client)) {
            // the console's token is the cookie alone: a token in the body is not taken in its place
            String token;
            try {
                token = RefreshCookie.single(cookies);
            } catch (ProblemException e) {
                // Two cookies: one was planted (a sibling host, a narrower path or another Domain).
                // Clearing ours would remove the victim's own cookie and leave the planted one alone,
                // which the next page load would then sign the victim in with: refuse, clear nothing.
                throw RefreshCookie.values(cookies).size() > 1 ? e : clearingCookie(e);
            }
            return auth.refresh(token)
                    .map(t -> tokens(t, true))
                    .onFailure(ProblemException.class)
                    .transform(e -> clearingCookie((ProblemException) e));
        }
        return auth.refresh(apiToken(body, headers, cookies)).map(t -> tokens(t, false));
    }

    @POST
    @Path("/auth/logout")
    @Operation(
            summary = "Revoke the refresh token's login",
            description = "The console (X-SignalDesk-Client: web) signs out with its cookie, which is cleared")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> logout(
            byte[] body, @HeaderParam(RefreshCookie.CLIENT_HEADER) String client, @Context HttpHeaders headers) {
        List<String> cookies = cookieHeaders(headers);
        if (RefreshCookie.isWeb(client)) {
            List<String> values = RefreshCookie.values(cookies);
            // every cookie sent is revoked: signing out must not leave a planted or older login alive
            return Multi.createFrom()
                    .iterable(values.stream()
                            .filter(v -> !v.isEmpty() && v.length() <= RefreshCookie.MAX_LENGTH)
                            .toList())
                    .onItem()
                    .transformToUniAndConcatenate(auth::logout)
                    .collect()
                    .last()
                    .replaceWith(Response.noContent()
                            .header("Set-Cookie", RefreshCookie.clear(secure()))
                            .build());
        }
        return auth.logout(apiToken(body, headers, cookies))
                .replaceWith(Response.noContent().build());
    }

    /**
     * An API client's token, from its JSON body (read here: the console's bodiless requests share the
     * endpoint); a cookie without the console's header is refused.
     */
    private String apiToken(byte[] body, HttpHeaders headers, List<String> cookies) {
        RefreshRequest req = null;
        if (body != null && body.length > 0) {
            MediaType type = headers.getMediaType();
            if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new ProblemException(io.signaldesk.platform.problem.Problem.of(
                        415, "unsupported-media-type", "Unsupported media type", "The body must be application/json"));
            }
            req = validator.parse(body, RefreshRequest.class);
        }
        boolean bodyToken = req != null && req.refreshToken() != null;
        if (!bodyToken && RefreshCookie.present(cookies)) {
            throw RefreshCookie.headerRequired();
        }
        validator.validate(req);
        return req.refreshToken();
    }

    private Response tokens(AuthService.Tokens t, boolean web) {
        if (!web) {
            return Response.ok(TokenResponse.of(t)).build();
        }
        return Response.ok(WebTokenResponse.of(t))
                .header(
                        "Set-Cookie",
                        RefreshCookie.set(t.refreshToken(), config.tokens().refreshTtl(), secure()))
                .build();
    }

    /** A refused cookie is cleared: the console then shows its login instead of retrying a dead token. */
    private ProblemException clearingCookie(ProblemException e) {
        java.util.Map<String, String> h = new java.util.HashMap<>(e.headers());
        h.put("Set-Cookie", RefreshCookie.clear(secure()));
        return new ProblemException(e.problem(), h);
    }

    private boolean secure() {
        return config.cookieSecure();
    }

    private static List<String> cookieHeaders(HttpHeaders headers) {
        List<String> h = headers.getRequestHeader("Cookie");
        return h == null ? List.of() : h;
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
