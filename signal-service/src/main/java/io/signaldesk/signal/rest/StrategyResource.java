package io.signaldesk.signal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.platform.security.PathIds;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.rest.CandleModels.CandleBatchRequest;
import io.signaldesk.signal.rest.CandleModels.CandleIngestResult;
import io.signaldesk.signal.rest.CandleModels.CandlePage;
import io.signaldesk.signal.rest.StrategyModels.CreateStrategyRequest;
import io.signaldesk.signal.rest.StrategyModels.StrategyView;
import io.signaldesk.signal.service.CandleService;
import io.signaldesk.signal.service.StrategyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/strategies")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "strategies")
public class StrategyResource {
    private final StrategyService strategies;
    private final CandleService candles;
    private final CurrentUser currentUser;
    private final RequestValidator validator;
    private final ObjectMapper mapper;

    public StrategyResource(
            StrategyService strategies,
            CandleService candles,
            CurrentUser currentUser,
            RequestValidator validator,
            ObjectMapper mapper) {
        this.strategies = strategies;
        this.candles = candles;
        this.currentUser = currentUser;
        this.validator = validator;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "All strategies")
    public Uni<List<StrategyView>> list() {
        return strategies.list().map(l -> l.stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One strategy")
    public Uni<StrategyView> get(@PathParam("id") String id) {
        return strategies.get(PathIds.uuid(id, "strategy")).map(this::view);
    }

    /**
     * Every problem of the request in one 400: its fields, and its params, whose meaning depends on
     * the kind (the service knows it); 409 {@code strategy-name-taken} when the name exists (any case).
     */
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a strategy (admin); the name is unique regardless of case")
    public Uni<Response> create(CreateStrategyRequest req) {
        if (req == null) {
            return Uni.createFrom().failure(RequestValidator.malformed("A JSON body is required"));
        }
        Strategy.Kind kind = req.kindValue();
        try {
            validator.validate(req, strategies.paramsProblems(kind, req.timeframe(), req.params()));
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return strategies
                .create(
                        new StrategyService.NewStrategy(
                                req.name(), kind, req.instrument(), req.timeframe(), req.params()),
                        currentUser.id())
                .map(s -> Response.created(URI.create("/api/v1/strategies/" + s.id))
                        .entity(view(s))
                        .build());
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Retire a strategy (admin): no more signals, no new followers; final, and repeating it is harmless")
    public Uni<StrategyView> retire(@PathParam("id") String id) {
        return strategies.retire(PathIds.uuid(id, "strategy")).map(this::view);
    }

    @POST
    @Path("/{id}/candles")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Closed bars for a FIB_RSI strategy's market (admin or feed); answers what was stored and "
                    + "the signals the engine decided on the new bars")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CandleBatchRequest.class)))
    public Uni<CandleIngestResult> postCandles(@PathParam("id") String id, byte[] body) {
        UUID strategyId = PathIds.uuid(id, "strategy");
        CandleBatchRequest req;
        try {
            req = validator.parse(body, CandleBatchRequest.class);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        // collected, not thrown: the service reports them together with the checks that need the strategy
        List<Problem.Violation> shape = violations(req);
        List<CandleService.Bar> bars = req.candles() == null
                ? null
                : req.candles().stream().map(c -> c == null ? null : c.toBar()).toList();
        return candles.ingestForStrategy(strategyId, bars, shape, currentUser.id())
                .map(CandleIngestResult::of);
    }

    @GET
    @Path("/{id}/candles")
    @Operation(summary = "The newest stored bars of the strategy's market, oldest first; before= pages back in time")
    public Uni<CandlePage> getCandles(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("before") String before) {
        UUID strategyId = PathIds.uuid(id, "strategy");
        List<Problem.Violation> bad = new ArrayList<>();
        int limitValue = SignalResource.integer(limit, "limit", 100, 1, CandleModels.MAX_BATCH, bad);
        Instant beforeValue = SignalResource.instant(before, "before", bad);
        if (!bad.isEmpty()) {
            return Uni.createFrom().failure(RequestValidator.invalid(bad));
        }
        return candles.latest(strategyId, beforeValue, limitValue).map(CandlePage::of);
    }

    /** The Bean Validation violations of a parsed body, without throwing. */
    private List<Problem.Violation> violations(Object body) {
        try {
            validator.validate(body);
            return List.of();
        } catch (ProblemException e) {
            return e.problem().violations();
        }
    }

    private StrategyView view(Strategy s) {
        return StrategyView.of(s, mapper);
    }
}
