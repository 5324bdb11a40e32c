package io.signaldesk.reconciliation.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.platform.security.PathIds;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.LogEntry;
import io.signaldesk.reconciliation.service.Orphans;
import io.signaldesk.reconciliation.service.ReconciliationLog;
import io.signaldesk.reconciliation.service.StatusCache;
import io.signaldesk.reconciliation.service.StatusReads;
import io.signaldesk.reconciliation.service.StatusReads.AccountStatus;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReconciliationResource {
    /**
     * {@code lastSnapshotAt}: when the terminal last reported the state shown (its newest applied
     * snapshot, or a repeat of it: TerminalsSeen); {@code snapshotAgeSeconds}: how long ago that is
     * now (null: no snapshot yet).
     */
    public record AccountStatusView(
            UUID deviceId,
            String accountId,
            Instant lastSnapshotAt,
            Long snapshotAgeSeconds,
            boolean inSync,
            List<StatusReads.DivergenceSummary> openDivergences) {
        static AccountStatusView of(AccountStatus s, Instant now) {
            return new AccountStatusView(
                    s.deviceId(),
                    s.accountId(),
                    s.lastSnapshotAt(),
                    s.lastSnapshotAt() == null
                            ? null
                            : Math.max(
                                    0, Duration.between(s.lastSnapshotAt(), now).toSeconds()),
                    s.inSync(),
                    s.openDivergences());
        }
    }

    public record LogView(
            UUID id,
            UUID deviceId,
            String accountId,
            Divergence.Type type,
            LogEntry.Event event,
            UUID divergenceId,
            long ticket,
            String details,
            Instant at) {
        static LogView of(LogEntry e) {
            return new LogView(
                    e.id, e.deviceId, e.accountId, e.type, e.event, e.divergenceId, e.ticket, e.details, e.at);
        }
    }

    public record DivergenceView(
            UUID id,
            UUID deviceId,
            Divergence.Type type,
            long ticket,
            String details,
            Instant detectedAt,
            Instant closeRequestedAt,
            Instant resolvedAt,
            Divergence.Resolution resolution) {
        static DivergenceView of(Divergence d) {
            return new DivergenceView(
                    d.id,
                    d.deviceId,
                    d.type,
                    d.ticket,
                    d.details,
                    d.detectedAt,
                    d.closeRequestedAt,
                    d.resolvedAt,
                    d.resolution);
        }
    }

    private final StatusReads reads;
    private final ReconciliationLog log;
    private final Orphans orphans;
    private final StatusCache cache;
    private final CurrentUser currentUser;

    public ReconciliationResource(
            StatusReads reads, ReconciliationLog log, Orphans orphans, StatusCache cache, CurrentUser currentUser) {
        this.reads = reads;
        this.log = log;
        this.orphans = orphans;
        this.cache = cache;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Per account: the newest snapshot's age, in sync or not, the open divergences")
    public Uni<List<AccountStatusView>> status() {
        Instant now = Instant.now();
        return reads.status(currentUser.id())
                .map(l -> l.stream().map(s -> AccountStatusView.of(s, now)).toList());
    }

    @GET
    @Path("/log")
    @Operation(summary = "Divergences detected and resolved, adoptions and close requests, newest first")
    public Uni<List<LogView>> log(
            @QueryParam("type") String type,
            @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Divergence.Type t = null;
        if (type != null) {
            try {
                t = Divergence.Type.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "bad-request",
                        "type must be one of "
                                + java.util.Arrays.toString(Divergence.Type.values())
                                        .replaceAll("[\\[\\]]", ""));
            }
        }
        Instant s = null;
        if (since != null) {
            try {
                s = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(
                        "bad-request", "since must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
            }
        }
        return log.page(currentUser.id(), t, s, page, size)
                .map(l -> l.stream().map(LogView::of).toList());
    }

    @POST
    @Path("/divergences/{id}/adopt")
    @Operation(summary = "Track a position the broker reports and we did not open as ours")
    public Uni<DivergenceView> adopt(@PathParam("id") String id) {
        return orphans.adopt(currentUser.id(), PathIds.uuid(id, "divergence"))
                .call(d -> cache.invalidate(d.changed().userId(), d.changed().version()))
                .map(d -> DivergenceView.of(d.divergence()));
    }

    @POST
    @Path("/divergences/{id}/close")
    @Operation(summary = "Close a position the broker reports and we did not open (the EA gets a CLOSE for its ticket)")
    public Uni<Response> close(@PathParam("id") String id) {
        return orphans.close(currentUser.id(), PathIds.uuid(id, "divergence"))
                .call(d -> d.changed() == null
                        ? Uni.createFrom().voidItem()
                        : cache.invalidate(d.changed().userId(), d.changed().version()))
                .map(d -> Response.accepted(DivergenceView.of(d.divergence())).build());
    }
}
