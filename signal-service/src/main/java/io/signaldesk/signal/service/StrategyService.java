package io.signaldesk.signal.service;

import io.signaldesk.platform.events.StrategyEvents.StrategyCreated;
import io.signaldesk.platform.events.StrategyEvents.StrategyRetired;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.RequestValidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.StrategyRepository;
import io.signaldesk.signal.rest.StrategyModels.CreateStrategyRequest;
import io.signaldesk.signal.rest.StrategyModels.StrategyView;
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

    private final StrategyRepository strategies;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final SignalConfig config;
    private final Outbox outbox;

    public StrategyService(StrategyRepository strategies, RequestValidator validator, ObjectMapper mapper, SignalConfig config,
                           Outbox outbox) {
        this.outbox = outbox;
        this.strategies = strategies;
        this.validator = validator;
        this.mapper = mapper;
        this.config = config;
    }

    /** Creates a strategy; 400 on invalid fields, 409 {@code strategy-name-taken} when the name exists (any case). */
    public Uni<StrategyView> create(CreateStrategyRequest req, UUID adminId) {
        if (req == null) {
            return Uni.createFrom().failure(RequestValidator.malformed("A JSON body is required"));
        }
        String params;
        try {
            params = checkedParams(req);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
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
        return Panache.withTransaction(() -> strategies.findByNameIgnoreCase(s.name).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(nameTaken(s.name));
                    }
                    return strategies.persist(s).call(() -> outbox.enqueue(new StrategyCreated(s.id, s.name, s.kind,
                            s.instrument, s.timeframe, s.createdAt)));
                }))
                // two admins racing on one name: the unique index decides
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "strategies_name")).transform(t -> nameTaken(s.name))
                .map(this::view);
    }

    /**
     * Retires a strategy (admin): it takes no more signals, nobody may follow it, and its followers'
     * subscriptions receive nothing (approval-service learns it from StrategyRetired). Retiring twice
     * answers the same and publishes once.
     */
    public Uni<StrategyView> retire(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> strategies.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(s -> {
            if (s == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No strategy " + id));
            }
            if (s.retired()) {
                return Uni.createFrom().item(s);
            }
            s.retiredAt = now;
            return outbox.enqueue(new StrategyRetired(s.id, now)).replaceWith(s);
        })).map(this::view);
    }

    public Uni<List<StrategyView>> list() {
        return Panache.withSession(strategies::listByName).map(l -> l.stream().map(this::view).toList());
    }

    public Uni<StrategyView> get(UUID id) {
        return Panache.withSession(() -> strategies.findById(id)).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("No strategy " + id);
            }
            return view(s);
        });
    }

    /**
     * Validates the request (all fields at once) and returns params as compact JSON text. A FIB_RSI
     * strategy's params are the engine's ({@link FibRsiParams}); an EXTERNAL one's are free-form.
     */
    private String checkedParams(CreateStrategyRequest req) {
        JsonNode params = req.params();
        List<Problem.Violation> extra = new ArrayList<>();
        String text = "{}";
        if (params == null && "FIB_RSI".equals(req.kind())) {
            params = mapper.createObjectNode();
        }
        if (params != null) {
            if (!params.isObject()) {
                extra.add(new Problem.Violation("params", "must be a JSON object"));
            } else {
                try {
                    if ("FIB_RSI".equals(req.kind())) {
                        // the engine's parameters: checked, and stored with the defaults filled in
                        FibRsi.Params p = FibRsiParams.read(params, extra);
                        if (p != null) {
                            params = FibRsiParams.json(p);
                            Duration bar = Strategy.TIMEFRAMES.get(req.timeframe());
                            if (bar != null && bar.multipliedBy(1L + p.expiryBars()).compareTo(config.maxExpiry()) > 0) {
                                extra.add(new Problem.Violation("params.expiryBars", "a " + req.timeframe()
                                        + " signal may live at most " + (config.maxExpiry().dividedBy(bar) - 1)
                                        + " bars after its bar closes (signal.max-expiry " + config.maxExpiry().toHours() + " h)"));
                            }
                        }
                    }
                    text = mapper.writeValueAsString(params);
                    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PARAMS_BYTES) {
                        extra.add(new Problem.Violation("params", "must be at most " + MAX_PARAMS_BYTES + " bytes of JSON"));
                    }
                } catch (JsonProcessingException e) {
                    extra.add(new Problem.Violation("params", "must be a JSON object"));
                }
            }
        }
        validator.validate(req, extra);
        return text;
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("strategy-name-taken", "A strategy named '" + name + "' already exists");
    }

    StrategyView view(Strategy s) {
        JsonNode params;
        try {
            params = mapper.readTree(s.params);
        } catch (JsonProcessingException e) {
            params = mapper.createObjectNode();
        }
        return new StrategyView(s.id, s.name, s.kind, s.instrument, s.timeframe, params, s.createdAt, s.retiredAt);
    }
}
