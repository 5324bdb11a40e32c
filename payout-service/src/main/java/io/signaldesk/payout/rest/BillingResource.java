package io.signaldesk.payout.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.payout.service.BillingService;
import io.signaldesk.payout.service.Plans;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/billing")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BillingResource {
    public record Entitlements(int maxDevices, int maxSubscriptions) {}

    public record PlanView(String name, String price, String currency, Entitlements entitlements) {}

    public record SubscriptionView(
            String tier,
            String status,
            Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Entitlements entitlements) {}

    public record CheckoutRequest(@NotBlank @Size(max = 64) String plan) {}

    public record CheckoutView(String url, String sessionId) {}

    private final BillingService billing;
    private final Plans plans;
    private final CurrentUser currentUser;
    private final RequestValidator validator;

    public BillingResource(BillingService billing, Plans plans, CurrentUser currentUser, RequestValidator validator) {
        this.billing = billing;
        this.plans = plans;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    static Entitlements entitlements(Plans.Plan p) {
        return new Entitlements(p.maxDevices(), p.maxSubscriptions());
    }

    @GET
    @Path("/plans")
    @Operation(summary = "The premium tiers: price (a decimal string), currency and what each entitles to")
    public List<PlanView> plans() {
        return plans.all().stream()
                .map(p -> new PlanView(
                        p.name(), p.price().amountString(), p.price().currencyCode(), entitlements(p)))
                .toList();
    }

    @GET
    @Path("/subscription")
    @Operation(summary = "The signed-in user's premium tier (FREE until Stripe says otherwise)")
    public Uni<SubscriptionView> subscription() {
        return billing.subscription(currentUser.id()).map(BillingResource::view);
    }

    static SubscriptionView view(BillingService.Subscription s) {
        return new SubscriptionView(
                s.plan().name(),
                s.status().name(),
                s.currentPeriodEnd(),
                s.cancelAtPeriodEnd(),
                entitlements(s.plan()));
    }

    @POST
    @Path("/checkout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A Stripe Checkout Session for a paid plan: send the user to its url")
    public Uni<CheckoutView> checkout(byte[] body) {
        CheckoutRequest req = validator.parse(body, CheckoutRequest.class);
        validator.validate(req);
        return billing.checkout(currentUser.id(), req.plan()).map(c -> new CheckoutView(c.url(), c.sessionId()));
    }

    @POST
    @Path("/subscription/cancel")
    @Operation(summary = "Cancel the subscription at the end of the paid period (the tier holds until then)")
    public Uni<SubscriptionView> cancel() {
        return billing.cancel(currentUser.id()).map(BillingResource::view);
    }
}
