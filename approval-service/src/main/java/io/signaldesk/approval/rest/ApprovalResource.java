package io.signaldesk.approval.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.rest.ApiModels.ApprovalView;
import io.signaldesk.approval.rest.ApiModels.ApproveRequest;
import io.signaldesk.approval.rest.ApiModels.HistoryView;
import io.signaldesk.approval.rest.ApiModels.RejectRequest;
import io.signaldesk.approval.service.ApprovalDecisions;
import io.signaldesk.approval.service.ApprovalReads;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ApprovalResource {
    private final ApprovalReads reads;
    private final ApprovalDecisions decisions;
    private final CurrentUser currentUser;

    public ApprovalResource(ApprovalReads reads, ApprovalDecisions decisions, CurrentUser currentUser) {
        this.reads = reads;
        this.decisions = decisions;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Your approvals, newest first, optionally by status")
    public Uni<List<ApprovalView>> list(
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Approval.Status st = null;
        if (status != null) {
            try {
                st = Approval.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "bad-request",
                        "status must be one of "
                                + java.util.Arrays.toString(Approval.Status.values())
                                        .replaceAll("[\\[\\]]", ""));
            }
        }
        return reads.list(currentUser.id(), st, page, size)
                .map(list -> list.stream().map(ApprovalView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<ApprovalView> get(@PathParam("id") UUID id) {
        return reads.get(currentUser.id(), id).map(ApprovalView::of);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve (optionally with another volume): the trade becomes a command for your EA")
    public Uni<ApprovalView> approve(@PathParam("id") UUID id, @Valid @NotNull ApproveRequest req) {
        return decisions.approve(currentUser.id(), id, req.volume()).map(a -> ApprovalView.of(a, null));
    }

    @POST
    @Path("/{id}/reject")
    public Uni<ApprovalView> reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest req) {
        return decisions.reject(currentUser.id(), id, req.reason()).map(a -> ApprovalView.of(a, null));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The audit trail: every state change with who, when and why")
    public Uni<List<HistoryView>> history(@PathParam("id") UUID id) {
        return reads.history(currentUser.id(), id)
                .map(l -> l.stream().map(HistoryView::of).toList());
    }
}
