package io.signaldesk.payout.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.payout.Payout;
import io.signaldesk.payout.PayoutState;
import io.signaldesk.payout.service.ConnectOnboarding;
import io.signaldesk.payout.service.PayoutOverview;
import io.signaldesk.payout.service.PayoutRuns;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/payouts")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutResource {
    public record ConnectLinkView(String url, Instant expiresAt) {}

    public record BalanceView(String currency, Money payable, Money reserved, Money available, Money threshold) {}

    public record PayoutView(
            UUID id,
            PayoutState state,
            Money amount,
            String transferId,
            int attempts,
            String failureReason,
            Instant createdAt,
            Instant submittedAt,
            Instant paidAt,
            Instant failedAt) {
        static PayoutView of(Payout p) {
            return new PayoutView(
                    p.id,
                    p.state,
                    p.money(),
                    p.stripeTransferId,
                    p.attempts,
                    p.failureReason,
                    p.createdAt,
                    p.submittedAt,
                    p.paidAt,
                    p.failedAt);
        }
    }

    /** {@code connect}: NOT_CONNECTED until the first onboarding call created the Express account. */
    public record MyPayoutsView(String connect, List<BalanceView> balances, List<PayoutView> payouts) {}

    public record RunView(int recovered, int requested, int paid, int failed, int retrying) {}

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ConnectOnboarding onboarding;
    private final PayoutOverview overview;
    private final PayoutRuns runs;
    private final CurrentUser currentUser;

    public PayoutResource(
            ConnectOnboarding onboarding, PayoutOverview overview, PayoutRuns runs, CurrentUser currentUser) {
        this.onboarding = onboarding;
        this.overview = overview;
        this.runs = runs;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/connect")
    @Authenticated
    @Operation(
            summary = "Onboard to Stripe Connect: creates the caller's Express account once and returns a fresh"
                    + " onboarding link")
    public Uni<ConnectLinkView> connect() {
        return onboarding.connect(currentUser.id()).map(l -> new ConnectLinkView(l.url(), l.expiresAt()));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller's Connect status, payable balance per currency and payouts (newest first)")
    public Uni<MyPayoutsView> me(@QueryParam("limit") String limit) {
        int max = limit(limit);
        return overview.of(currentUser.id(), max)
                .map(o -> new MyPayoutsView(
                        o.connected() ? "CONNECTED" : "NOT_CONNECTED",
                        o.balances().stream()
                                .map(b -> new BalanceView(
                                        b.payable().currencyCode(),
                                        b.payable(),
                                        b.reserved(),
                                        b.available(),
                                        b.threshold()))
                                .toList(),
                        o.payouts().stream().map(PayoutView::of).toList()));
    }

    @POST
    @Path("/run")
    @RolesAllowed("admin")
    @Operation(summary = "Start a payout run now (recovery, new payouts over the threshold, due retries)")
    public Uni<RunView> run() {
        return runs.run().map(s -> new RunView(s.recovered(), s.requested(), s.paid(), s.failed(), s.retrying()));
    }

    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RequestValidator.invalid(
                List.of(new Problem.Violation("limit", "must be an integer from 1 to " + MAX_LIMIT)));
    }
}
