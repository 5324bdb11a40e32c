package io.signaldesk.payout.rest;

import io.signaldesk.payout.service.StripeWebhookService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stripe's webhook: public (no JWT); Stripe's signature over the raw body is the authentication. */
@Path("/api/v1/billing/webhook")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class StripeWebhookResource {
    public record Received(boolean received, String outcome) {}

    private final StripeWebhookService webhooks;

    public StripeWebhookResource(StripeWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stripe events (signed with Stripe-Signature); each event id is applied once")
    public Uni<Received> receive(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        return webhooks.receive(body, signature)
                .map(r -> new Received(true, r.name().toLowerCase(Locale.ROOT)));
    }
}
