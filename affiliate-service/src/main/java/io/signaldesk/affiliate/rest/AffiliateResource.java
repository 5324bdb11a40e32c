package io.signaldesk.affiliate.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.signaldesk.affiliate.FraudCase;
import io.signaldesk.affiliate.rest.AffiliateModels.AffiliateView;
import io.signaldesk.affiliate.rest.AffiliateModels.FraudCaseView;
import io.signaldesk.affiliate.rest.AffiliateModels.ResolveRequest;
import io.signaldesk.affiliate.service.Affiliates;
import io.signaldesk.affiliate.service.Dashboards;
import io.signaldesk.affiliate.service.EarningsLedger;
import io.signaldesk.affiliate.service.FraudCases;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.platform.security.PathIds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/affiliates")
@Produces(MediaType.APPLICATION_JSON)
public class AffiliateResource {
    private final Affiliates affiliates;
    private final Dashboards dashboards;
    private final FraudCases fraud;
    private final EarningsLedger ledger;
    private final CurrentUser currentUser;

    public AffiliateResource(
            Affiliates affiliates,
            Dashboards dashboards,
            FraudCases fraud,
            EarningsLedger ledger,
            CurrentUser currentUser) {
        this.affiliates = affiliates;
        this.dashboards = dashboards;
        this.fraud = fraud;
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    @POST
    @Authenticated
    @Operation(summary = "Become an affiliate (201); again: the same affiliate (200)")
    public Uni<Response> enroll() {
        return affiliates
                .enroll(currentUser.id())
                .map(e -> Response.status(e.created() ? 201 : 200)
                        .entity(AffiliateView.of(e.affiliate(), affiliates.link(e.affiliate())))
                        .build());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller's affiliate code and link")
    public Uni<AffiliateView> me() {
        return affiliates.of(currentUser.id()).map(a -> AffiliateView.of(a, affiliates.link(a)));
    }

    @GET
    @Path("/me/dashboard")
    @Authenticated
    @Operation(summary = "The caller's clicks, signups, conversion and earnings")
    public Uni<Dashboards.Dashboard> myDashboard() {
        return dashboards.of(currentUser.id());
    }

    @GET
    @Path("/{id}/dashboard")
    @RolesAllowed("admin")
    @Operation(summary = "An affiliate's dashboard (admin)")
    public Uni<Dashboards.Dashboard> dashboard(@PathParam("id") String id) {
        return dashboards.of(PathIds.uuid(id, "affiliate"));
    }

    @GET
    @Path("/fraud-cases")
    @RolesAllowed("admin")
    @Operation(summary = "Fraud cases, newest first, optionally of one status (admin)")
    public Uni<List<FraudCaseView>> fraudCases(@QueryParam("status") String status) {
        FraudCase.Status st = null;
        if (status != null) {
            try {
                st = FraudCase.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw RequestValidator.invalid(
                        List.of(new Problem.Violation("status", "must be one of OPEN, APPROVED, REJECTED")));
            }
        }
        FraudCase.Status filter = st;
        return fraud.list(filter)
                .chain(cases -> Panache.withSession(() -> Multi.createFrom()
                        .iterable(cases)
                        .onItem()
                        .transformToUniAndConcatenate(this::view)
                        .collect()
                        .asList()));
    }

    private Uni<FraudCaseView> view(FraudCase c) {
        return fraud.usersOf(c.id)
                .chain(users -> fraud.commissionsOf(c.id).map(cms -> FraudCaseView.of(c, users, cms)));
    }

    @POST
    @Path("/fraud-cases/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Approve (held commissions continue) or reject (reversed) a case, once (admin)")
    public Uni<FraudCaseView> resolve(@PathParam("id") String id, @Valid @NotNull ResolveRequest req) {
        return fraud.resolve(
                        PathIds.uuid(id, "fraud case"),
                        currentUser.id(),
                        FraudCases.Decision.valueOf(req.decision().name()),
                        req.note())
                .chain(c -> Panache.withSession(() -> view(c)));
    }

    @GET
    @Path("/ledger/check")
    @RolesAllowed("admin")
    @Operation(summary = "Recomputes every ledger balance from its postings and compares (admin, ops)")
    public Uni<EarningsLedger.Check> checkLedger() {
        return ledger.check();
    }
}
