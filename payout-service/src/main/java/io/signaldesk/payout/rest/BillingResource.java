package io.signaldesk.payout.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.payout.service.BillingService;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/billing")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BillingResource {
    public record SubscriptionView(String tier, String status, Instant currentPeriodEnd) {}

    private final BillingService billing;
    private final CurrentUser currentUser;

    public BillingResource(BillingService billing, CurrentUser currentUser) {
        this.billing = billing;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/subscription")
    @Operation(summary = "The signed-in user's premium tier (FREE until Stripe says otherwise)")
    public Uni<SubscriptionView> subscription() {
        return billing.account(currentUser.id())
                .map(a -> a == null
                        ? new SubscriptionView("FREE", "NONE", null)
                        : new SubscriptionView(a.tier, a.status, a.currentPeriodEnd));
    }
}
