package io.signaldesk.affiliate.rest;

import io.signaldesk.affiliate.config.AffiliateConfig;
import io.signaldesk.affiliate.service.Affiliates;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public affiliate link: records the click and sends the visitor to the signup page, with the
 * {@code sd_ref} attribution cookie for a known code. An unknown or malformed code gets the same
 * redirect without a cookie (no 404: the link tells nobody which codes exist beyond that).
 */
@Path("/r")
public class ReferralLinkResource {
    public static final String COOKIE = "sd_ref";

    private final Affiliates affiliates;
    private final AffiliateConfig config;

    public ReferralLinkResource(Affiliates affiliates, AffiliateConfig config) {
        this.affiliates = affiliates;
        this.config = config;
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "Affiliate link: 302 to the signup page with the attribution cookie (public)")
    public Uni<Response> follow(
            @PathParam("code") String code,
            @HeaderParam("X-Forwarded-For") String forwardedFor,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Context HttpServerRequest request) {
        String ip = clientIp(forwardedFor, request);
        return affiliates.click(code, ip, userAgent).map(known -> {
            String signup = config.signupUrl();
            if (!known) {
                return Response.status(302).location(URI.create(signup)).build();
            }
            String target = signup + (signup.contains("?") ? "&" : "?") + "ref="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8);
            String cookie = COOKIE + "=" + code + "; Max-Age="
                    + config.attributionWindow().toSeconds() + "; Path=/; HttpOnly; SameSite=Lax"
                    + (config.cookieSecure() ? "; Secure" : "");
            return Response.status(302)
                    .location(URI.create(target))
                    .header("Set-Cookie", cookie)
                    .build();
        });
    }

    /** The gateway appends the client's address last to X-Forwarded-For; without it, the peer's address. */
    static String clientIp(String forwardedFor, HttpServerRequest request) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    }
}
