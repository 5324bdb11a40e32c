package io.signaldesk.approval.rest;

import io.signaldesk.approval.Device;
import io.signaldesk.approval.rest.ApiModels.AckRequest;
import io.signaldesk.approval.rest.ApiModels.AckResponse;
import io.signaldesk.approval.rest.ApiModels.CommandView;
import io.signaldesk.approval.rest.ApiModels.PollResponse;
import io.signaldesk.approval.rest.ApiModels.SnapshotRequest;
import io.signaldesk.approval.service.EaService;
import io.signaldesk.platform.hmac.SignedRequest;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The EA API: no JWT; every request is HMAC-signed by the device (docs/ea-protocol.md). The body
 * is read as raw bytes so the signature covers exactly what was sent, then parsed and validated.
 */
@Path("/api/v1/ea")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ea")
public class EaResource {
    private final EaService ea;
    private final RequestValidator bodies;

    public EaResource(EaService ea, RequestValidator bodies) {
        this.ea = ea;
        this.bodies = bodies;
    }

    @GET
    @Path("/poll")
    @Operation(summary = "Leased commands for this device; waits up to waitMs (max 25000) for one to appear")
    public Uni<PollResponse> poll(
            @QueryParam("waitMs") @DefaultValue("0") String waitMs,
            @Context HttpServerRequest http,
            @Context RoutingContext rc,
            @HeaderParam("X-Device-Id") String device,
            @HeaderParam("X-Timestamp") String ts,
            @HeaderParam("X-Nonce") String nonce,
            @HeaderParam("X-Signature") String sig) {
        long wait;
        try {
            wait = Long.parseLong(waitMs);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-request", "waitMs must be a number of milliseconds");
        }
        if (wait < 0 || wait > 25_000) {
            throw ProblemException.badRequest("bad-request", "waitMs must be between 0 and 25000");
        }
        return ea.authenticate(new SignedRequest(device, "GET", http.uri(), ts, nonce, sig, new byte[0]))
                .chain(d -> ea.poll(d, wait))
                // once the whole answer is on the connection its leases are the EA's: never taken over
                .invoke(cmds -> rc.addEndHandler(ar -> {
                    if (ar.succeeded()) {
                        ea.written(cmds);
                    }
                }))
                .map(cmds -> new PollResponse(cmds.stream().map(CommandView::of).toList(), Instant.now()));
    }

    @POST
    @Path("/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The EA's result for a command; repeating it is safe, contradicting it is a 409")
    public Uni<AckResponse> ack(
            byte[] body,
            @Context HttpServerRequest http,
            @HeaderParam("X-Device-Id") String device,
            @HeaderParam("X-Timestamp") String ts,
            @HeaderParam("X-Nonce") String nonce,
            @HeaderParam("X-Signature") String sig) {
        return ea.authenticate(new SignedRequest(device, "POST", http.uri(), ts, nonce, sig, body))
                .chain(d -> ea.ack(d, ack(body).toReport()))
                .map(a -> AckResponse.of(a.command(), a.repeated()));
    }

    @POST
    @Path("/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Balance, equity and open positions as the broker reports them")
    public Uni<Response> snapshot(
            byte[] body,
            @Context HttpServerRequest http,
            @HeaderParam("X-Device-Id") String device,
            @HeaderParam("X-Timestamp") String ts,
            @HeaderParam("X-Nonce") String nonce,
            @HeaderParam("X-Signature") String sig) {
        return ea.authenticate(new SignedRequest(device, "POST", http.uri(), ts, nonce, sig, body))
                .chain((Device d) -> ea.snapshot(d, snapshot(body).toSnapshot()))
                .replaceWith(Response.accepted().build());
    }

    /** An ack's status is one an EA may report: FILLED, REJECTED or FAILED. */
    private AckRequest ack(byte[] body) {
        AckRequest req = bodies.parse(body, AckRequest.class);
        bodies.validate(
                req,
                req.status() == null || req.status().reportable()
                        ? List.of()
                        : List.of(new Problem.Violation("status", "must be FILLED, REJECTED or FAILED")));
        return req;
    }

    /** A snapshot names each ticket once (the broker reports each position once). */
    private SnapshotRequest snapshot(byte[] body) {
        SnapshotRequest req = bodies.parse(body, SnapshotRequest.class);
        List<Problem.Violation> duplicates = new java.util.ArrayList<>();
        if (req.positions() != null) {
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < req.positions().size(); i++) {
                var p = req.positions().get(i);
                if (p != null && !seen.add(p.ticket())) {
                    duplicates.add(new Problem.Violation(
                            "positions[" + i + "].ticket", "ticket " + p.ticket() + " appears twice"));
                }
            }
        }
        bodies.validate(req, duplicates);
        return req;
    }

    private <T> T read(byte[] body, Class<T> type) {
        T value = bodies.parse(body, type);
        bodies.validate(value);
        return value;
    }
}
