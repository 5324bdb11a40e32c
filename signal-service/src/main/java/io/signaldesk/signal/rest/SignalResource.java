package io.signaldesk.signal.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.PathIds;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.rest.SignalModels.SignalPage;
import io.signaldesk.signal.rest.SignalModels.SignalRequest;
import io.signaldesk.signal.rest.SignalModels.SignalView;
import io.signaldesk.signal.service.ProducerService;
import io.signaldesk.signal.service.SignalService;
import io.signaldesk.signal.service.SignalService.SourceKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "signals")
public class SignalResource {
    static final int MAX_PAGE_SIZE = 100;

    private final SignalService signals;
    private final ProducerService producers;
    private final RequestValidator validator;

    public SignalResource(SignalService signals, ProducerService producers, RequestValidator validator) {
        this.signals = signals;
        this.producers = producers;
        this.validator = validator;
    }

    /**
     * Signed by the producer, not by a user: no bearer token. The body is taken as raw bytes so the
     * signature covers exactly what was sent; the path is the request URI as received. Refusals in
     * order: who is sending (401, nothing read), the body's shape (400), its meaning (422), all
     * counted by {@link SignalService#countRefusals}.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish a signal as an outside producer (HMAC-signed, see docs/ea-protocol.md); "
                    + "201 new, 200 repeat of a clientSignalId")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SignalRequest.class)))
    public Uni<Response> publish(
            byte[] body,
            @Context HttpServerRequest http,
            @HeaderParam("X-Producer-Id") String producerId,
            @HeaderParam("X-Timestamp") String timestamp,
            @HeaderParam("X-Nonce") String nonce,
            @HeaderParam("X-Signature") String signature) {
        return signals.countRefusals(
                        SourceKind.PRODUCER,
                        producers
                                .authenticate(
                                        producerId, http.method().name(), http.uri(), timestamp, nonce, signature, body)
                                .chain(p -> {
                                    SignalRequest req = validator.parse(body, SignalRequest.class);
                                    validator.validate(req);
                                    return signals.publish(p, req.toCommand());
                                }))
                .map(r -> {
                    SignalView s = SignalView.of(r.signal());
                    return r.created()
                            ? Response.created(URI.create("/api/v1/signals/" + s.id()))
                                    .entity(s)
                                    .build()
                            : Response.ok(s).build();
                });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One signal")
    public Uni<SignalView> get(@PathParam("id") String id) {
        return signals.get(PathIds.uuid(id, "signal")).map(SignalView::of);
    }

    @GET
    @Authenticated
    @Operation(summary = "Signals, newest first, filtered by strategy, instrument, side and creation time [from, to)")
    public Uni<SignalPage> list(
            @QueryParam("strategyId") String strategyId,
            @QueryParam("instrument") String instrument,
            @QueryParam("side") String side,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> bad = new ArrayList<>();
        UUID strategy = null;
        if (present(strategyId)) {
            try {
                strategy = UUID.fromString(strategyId);
            } catch (IllegalArgumentException e) {
                bad.add(new Problem.Violation("strategyId", "must be a UUID"));
            }
        }
        if (present(instrument) && !instrument.matches(Strategy.INSTRUMENT_PATTERN)) {
            bad.add(new Problem.Violation("instrument", "must be 3-12 upper-case letters or digits"));
        }
        Side sideValue = null;
        if (present(side)) {
            try {
                sideValue = Side.valueOf(side);
            } catch (IllegalArgumentException e) {
                bad.add(new Problem.Violation("side", "must be BUY or SELL"));
            }
        }
        Instant fromValue = instant(from, "from", bad);
        Instant toValue = instant(to, "to", bad);
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            bad.add(new Problem.Violation("to", "must be after from"));
        }
        int pageValue = integer(page, "page", 0, 0, 1_000_000, bad);
        int sizeValue = integer(size, "size", 20, 1, MAX_PAGE_SIZE, bad);
        if (!bad.isEmpty()) {
            return Uni.createFrom().failure(RequestValidator.invalid(bad));
        }
        return signals.list(
                        new SignalService.Filter(
                                strategy, present(instrument) ? instrument : null, sideValue, fromValue, toValue),
                        pageValue,
                        sizeValue)
                .map(SignalPage::of);
    }

    static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    static Instant instant(String raw, String name, List<Problem.Violation> bad) {
        if (!present(raw)) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            bad.add(new Problem.Violation(name, "must be an ISO-8601 instant, e.g. 2026-11-24T00:00:00Z"));
            return null;
        }
    }

    static int integer(String raw, String name, int dflt, int min, int max, List<Problem.Violation> bad) {
        if (!present(raw)) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(new Problem.Violation(name, "must be an integer from " + min + " to " + max));
        return dflt;
    }
}
