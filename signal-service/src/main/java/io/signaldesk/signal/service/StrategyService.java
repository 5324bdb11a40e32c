package io.signaldesk.signal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.StrategyEvents.StrategyCreated;
import io.signaldesk.platform.events.StrategyEvents.StrategyRetired;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.StrategyRepository;
import io.signaldesk.signal.strategy.FibRsi;
import io.signaldesk.signal.strategy.FibRsiParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StrategyService {
    /** Largest accepted params object, as compact JSON in UTF-8. */
    static final int MAX_PARAMS_BYTES = 4096;

    /**
     * A strategy to create, its fields checked by the caller except {@code params} (null: none), whose
     * meaning depends on the kind: {@link #paramsProblems} lets the caller report them with its own.
     */
    public record NewStrategy(String name, Strategy.Kind kind, String instrument, String timeframe, JsonNode params) {}

    private final StrategyRepository strategies;
    private final ObjectMapper mapper;
    private final SignalConfig config;
    private final Outbox outbox;

    public StrategyService(StrategyRepository strategies, ObjectMapper mapper, SignalConfig config, Outbox outbox) {
        this.outbox = outbox;
        this.strategies = strategies;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Creates a strategy; 400 {@code validation} when its params are unusable ({@link #paramsProblems}),
     * 409 {@code strategy-name-taken} when the name exists (any case).
     */
    public Uni<Strategy> create(NewStrategy req, UUID adminId) {
        List<Problem.Violation> problems = new ArrayList<>();
        String params = checkedParams(req.kind(), req.timeframe(), req.params(), problems);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(RequestValidator.invalid(problems));
        }
        Strategy s = new Strategy();
        s.id = UUID.randomUUID();
        s.name = req.name();
        s.kind = req.kind();
        s.instrument = req.instrument();
        s.timeframe = req.timeframe();
        s.params = params;
        s.createdBy = adminId;
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> strategies
                        .findByNameIgnoreCase(s.name)
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(nameTaken(s.name));
                            }
                            return strategies
                                    .persist(s)
                                    .call(() -> outbox.enqueue(new StrategyCreated(
                                            s.id, s.name, s.kind.name(), s.instrument, s.timeframe, s.createdAt)));
                        }))
                // two admins racing on one name: the unique index decides
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "strategies_name"))
                .transform(t -> nameTaken(s.name));
    }

    /**
     * Retires a strategy (admin): it takes no more signals, nobody may follow it, and its followers'
     * subscriptions receive nothing (approval-service learns it from StrategyRetired). Retiring twice
     * answers the same and publishes once.
     */
    public Uni<Strategy> retire(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> strategies
                .findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(s -> {
                    if (s == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("No strategy " + id));
                    }
                    if (s.retired()) {
                        return Uni.createFrom().item(s);
                    }
                    s.retiredAt = now;
                    return outbox.enqueue(new StrategyRetired(s.id, now)).replaceWith(s);
                }));
    }

    /** All strategies, by name. */
    public Uni<List<Strategy>> list() {
        return Panache.withSession(strategies::listByName);
    }

    /** One strategy; 404 when there is none. */
    public Uni<Strategy> get(UUID id) {
        return Panache.withSession(() -> strategies.findById(id)).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("No strategy " + id);
            }
            return s;
        });
    }

    /**
     * What is wrong with a strategy's {@code params} (fields {@code params} and {@code params.<name>}),
     * empty when nothing is. A caller checking a request reports these with its own violations in one
     * 400; {@code kind} is null when the request's kind is not one (the params are then taken as
     * free-form), {@code timeframe} may be unknown.
     */
    public List<Problem.Violation> paramsProblems(Strategy.Kind kind, String timeframe, JsonNode params) {
        List<Problem.Violation> problems = new ArrayList<>();
        checkedParams(kind, timeframe, params, problems);
        return problems;
    }

    /**
     * Checks params and returns them as compact JSON text, or adds to {@code extra}. A FIB_RSI
     * strategy's params are the engine's ({@link FibRsiParams}), stored with the defaults filled in; an
     * EXTERNAL one's are free-form.
     */
    private String checkedParams(Strategy.Kind kind, String timeframe, JsonNode params, List<Problem.Violation> extra) {
        String text = "{}";
        if (params == null && kind == Strategy.Kind.FIB_RSI) {
            params = mapper.createObjectNode();
        }
        if (params != null) {
            if (!params.isObject()) {
                extra.add(new Problem.Violation("params", "must be a JSON object"));
            } else {
                try {
                    if (kind == Strategy.Kind.FIB_RSI) {
                        // the engine's parameters: checked, and stored with the defaults filled in
                        FibRsi.Params p = FibRsiParams.read(params, extra);
                        if (p != null) {
                            params = FibRsiParams.json(p);
                            Duration bar = timeframe == null ? null : Strategy.TIMEFRAMES.get(timeframe);
                            if (bar != null
                                    && bar.multipliedBy(1L + p.expiryBars()).compareTo(config.maxExpiry()) > 0) {
                                extra.add(new Problem.Violation(
                                        "params.expiryBars",
                                        "a " + timeframe
                                                + " signal may live at most "
                                                + (config.maxExpiry().dividedBy(bar) - 1)
                                                + " bars after its bar closes (signal.max-expiry "
                                                + config.maxExpiry().toHours() + " h)"));
                            }
                        }
                    }
                    text = mapper.writeValueAsString(params);
                    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PARAMS_BYTES) {
                        extra.add(new Problem.Violation(
                                "params", "must be at most " + MAX_PARAMS_BYTES + " bytes of JSON"));
                    }
                } catch (JsonProcessingException e) {
                    extra.add(new Problem.Violation("params", "must be a JSON object"));
                }
            }
        }
        return text;
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("strategy-name-taken", "A strategy named '" + name + "' already exists");
    }
}
