package io.signaldesk.affiliate.rest;

import io.signaldesk.affiliate.service.SignupService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {
    public record SignupView(UUID userId, String referralCode, Instant registeredAt) {}

    private final SignupService signups;

    public ReferralResource(SignupService signups) {
        this.signups = signups;
    }

    @GET
    @Path("/signups")
    @RolesAllowed("admin")
    @Operation(summary = "Signups attributed to a referral code (admin)")
    public Uni<List<SignupView>> signups(
            @QueryParam("code") @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{3,32}") String code) {
        return signups.ofCode(code)
                .map(list -> list.stream()
                        .map(s -> new SignupView(s.userId, s.referralCode, s.registeredAt))
                        .toList());
    }
}
