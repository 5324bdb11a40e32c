package io.signaldesk.signal.service;

import io.signaldesk.platform.problem.RequestValidator;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.events.TradeEvents.SignalPublished;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.signal.Producer;
import io.signaldesk.signal.Signal;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.strategy.FibRsi;
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.SignalRepository;
import io.signaldesk.signal.repository.StrategyRepository;
import io.signaldesk.signal.rest.SignalModels.SignalPage;
import io.signaldesk.signal.rest.SignalModels.SignalRequest;
import io.signaldesk.signal.rest.SignalModels.SignalView;
import io.signaldesk.signal.rest.SignalModels.TradingViewAlert;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Signal ingest and store. The order of refusals is fixed: who is sending (401/404, nothing read),
 * then the body's shape (400), then what it means (422); only then is anything written, and the
 * signal and its SignalPublished outbox row commit in one transaction.
 */
@ApplicationScoped
public class SignalService {
    private static final Logger LOG = Logger.getLogger(SignalService.class);

    /** How a signal arrived; the {@code source} tag of {@code signaldesk.signals.published}. */
    public enum SourceKind {
        PRODUCER("producer"), TRADINGVIEW("tradingview"), ENGINE("engine");

        final String tag;

        SourceKind(String tag) {
            this.tag = tag;
        }
    }

    /** A validated signal, prices normalised (no trailing zeros). */
    record Candidate(String instrument, Side side, BigDecimal entry, BigDecimal stopLoss, BigDecimal takeProfit,
                     Instant expiresAt, String rationale, String clientSignalId) {
    }

    /** The stored signal and whether this request created it (false: an idempotent repeat). */
    public record Ingested(SignalView signal, boolean created) {
    }

    private final SignalRepository signals;
    private final StrategyRepository strategies;
    private final ProducerService producers;
    private final RequestValidator validator;
    private final Outbox outbox;
    private final SignalConfig config;
    private final MeterRegistry metrics;

    public SignalService(SignalRepository signals, StrategyRepository strategies, ProducerService producers,
                         RequestValidator validator, Outbox outbox, SignalConfig config, MeterRegistry metrics) {
        this.signals = signals;
        this.strategies = strategies;
        this.producers = producers;
        this.validator = validator;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /** {@code POST /api/v1/signals}: an HMAC-signed request from a producer (docs/ea-protocol.md). */
    public Uni<Ingested> ingestSigned(String producerId, String method, String pathWithQuery, String timestamp,
                                      String nonce, String signature, byte[] body) {
        return producers.authenticate(producerId, method, pathWithQuery, timestamp, nonce, signature, body)
                .chain(p -> {
                    SignalRequest req = validator.parse(body, SignalRequest.class);
                    validator.validate(req);
                    Candidate c = new Candidate(req.instrument(), Side.valueOf(req.side()), normalize(req.entry()),
                            normalize(req.stopLoss()), normalize(req.takeProfit()), req.expiresAt(), req.rationale(),
                            req.clientSignalId());
                    return store(p, c, SourceKind.PRODUCER);
                })
                .onFailure(ProblemException.class).invoke(e -> refused(SourceKind.PRODUCER, (ProblemException) e));
    }

    /** {@code POST /api/v1/hooks/tradingview/{token}}: an alert that cannot sign; the URL token names the producer. */
    public Uni<Ingested> ingestTradingView(String token, byte[] body) {
        return producers.byTradingViewToken(token)
                .chain(p -> {
                    TradingViewAlert alert = validator.parse(body, TradingViewAlert.class);
                    validator.validate(alert);
                    Instant now = Instant.now();
                    Duration maxLag = config.tradingview().maxLag();
                    if (alert.time().isBefore(now.minus(maxLag))) {
                        throw ProblemException.unprocessable("alert-too-old", "The alert fired at " + alert.time()
                                + ", more than " + maxLag.toSeconds() + " s ago");
                    }
                    if (alert.time().isAfter(now.plus(maxLag))) {
                        throw ProblemException.unprocessable("alert-time-in-future", "The alert time " + alert.time()
                                + " is more than " + maxLag.toSeconds() + " s ahead of server time");
                    }
                    Instant expiresAt = alert.expiresAt() != null ? alert.expiresAt()
                            : alert.time().plus(config.tradingview().defaultExpiry());
                    String rationale = alert.rationale() == null || alert.rationale().isBlank()
                            ? "TradingView alert" : alert.rationale();
                    Candidate c = new Candidate(alert.instrument(), Side.valueOf(alert.side()), normalize(alert.entry()),
                            normalize(alert.stopLoss()), normalize(alert.takeProfit()), expiresAt, rationale, null);
                    return store(p, c, SourceKind.TRADINGVIEW);
                })
                .onFailure(ProblemException.class).invoke(e -> refused(SourceKind.TRADINGVIEW, (ProblemException) e));
    }

    /**
     * Checks the candidate against its strategy and stores it with its event, or returns the signal the
     * producer already sent under the same clientSignalId.
     */
    Uni<Ingested> store(Producer p, Candidate c, SourceKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> existing(p, c).chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(new Ingested(view(found), false));
                    }
                    return strategies.findById(p.strategyId).chain(strategy -> {
                        if (strategy.retired()) {
                            throw ProblemException.unprocessable("strategy-retired", "Strategy " + strategy.id
                                    + " was retired at " + strategy.retiredAt + "; it takes no more signals");
                        }
                        checkMeaning(c, strategy.instrument, now);
                        Signal s = new Signal();
                        s.id = UUID.randomUUID();
                        s.strategyId = p.strategyId;
                        s.producerId = p.id;
                        s.clientSignalId = c.clientSignalId();
                        s.instrument = c.instrument();
                        s.side = c.side();
                        s.entry = c.entry();
                        s.stopLoss = c.stopLoss();
                        s.takeProfit = c.takeProfit();
                        s.expiresAt = c.expiresAt();
                        s.rationale = c.rationale();
                        s.source = kind.tag + ":" + p.id;
                        s.createdAt = now;
                        return signals.persist(s)
                                .call(() -> outbox.enqueue(new SignalPublished(s.id, s.strategyId.toString(), s.instrument,
                                        s.side, s.entry, s.stopLoss, s.takeProfit, s.expiresAt, s.rationale, s.source,
                                        s.createdAt)))
                                .map(x -> new Ingested(view(s), true));
                    });
                }))
                // the same clientSignalId sent twice at once: the unique constraint lets one in, the other reads it
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "signals_producer_client_id"))
                .recoverWithUni(() -> Panache.withSession(() -> signals.findByProducerAndClientId(p.id, c.clientSignalId()))
                        .map(found -> new Ingested(view(found), false)))
                .invoke(r -> {
                    if (r.created()) {
                        metrics.counter("signaldesk.signals.published", "source", kind.tag).increment();
                    }
                });
    }

    /**
     * Stores a decision of the built-in engine with its SignalPublished event, in the caller's
     * transaction. Returns null when the strategy already has a signal for that bar (one decision per
     * strategy and bar; the unique index {@code signals_strategy_candle_key} backs this up).
     */
    Uni<SignalView> storeEngineDecision(Strategy strategy, FibRsi.Decision d, Instant expiresAt, Instant now) {
        return signals.find("strategyId = ?1 and candleTime = ?2", strategy.id, d.candleTime()).firstResult().chain(found -> {
            if (found != null) {
                return Uni.createFrom().nullItem();
            }
            Signal s = new Signal();
            s.id = UUID.randomUUID();
            s.strategyId = strategy.id;
            s.instrument = strategy.instrument;
            s.side = d.side();
            s.entry = normalize(d.entry());
            s.stopLoss = normalize(d.stopLoss());
            s.takeProfit = normalize(d.takeProfit());
            s.expiresAt = expiresAt;
            s.rationale = d.rationale();
            s.source = SourceKind.ENGINE.tag + ":" + strategy.kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            s.candleTime = d.candleTime();
            s.createdAt = now;
            return signals.persist(s)
                    .call(() -> outbox.enqueue(new SignalPublished(s.id, s.strategyId.toString(), s.instrument, s.side,
                            s.entry, s.stopLoss, s.takeProfit, s.expiresAt, s.rationale, s.source, s.createdAt)))
                    .map(x -> view(s));
        });
    }

    private Uni<Signal> existing(Producer p, Candidate c) {
        return c.clientSignalId() == null ? Uni.createFrom().nullItem()
                : signals.findByProducerAndClientId(p.id, c.clientSignalId());
    }

    /** The 422 checks: levels on the right sides of the entry, a sensible expiry, the strategy's instrument. */
    void checkMeaning(Candidate c, String strategyInstrument, Instant now) {
        boolean levelsOk = c.side() == Side.BUY
                ? c.stopLoss().compareTo(c.entry()) < 0 && c.entry().compareTo(c.takeProfit()) < 0
                : c.takeProfit().compareTo(c.entry()) < 0 && c.entry().compareTo(c.stopLoss()) < 0;
        if (!levelsOk) {
            throw ProblemException.unprocessable("signal-levels", c.side() == Side.BUY
                    ? "A BUY needs stopLoss < entry < takeProfit"
                    : "A SELL needs takeProfit < entry < stopLoss");
        }
        if (!c.expiresAt().isAfter(now)) {
            throw ProblemException.unprocessable("signal-expired", "expiresAt " + c.expiresAt() + " is not in the future");
        }
        if (c.expiresAt().isAfter(now.plus(config.maxExpiry()))) {
            throw ProblemException.unprocessable("signal-expiry-too-far", "expiresAt may be at most "
                    + config.maxExpiry().toHours() + " h ahead");
        }
        if (!c.instrument().equals(strategyInstrument)) {
            throw ProblemException.unprocessable("instrument-mismatch", "This producer's strategy trades "
                    + strategyInstrument + ", not " + c.instrument());
        }
    }

    public Uni<SignalPage> list(SignalRepository.Filter filter, int page, int size) {
        return Panache.withSession(() -> signals.search(filter, page, size))
                .map(r -> new SignalPage(r.items().stream().map(SignalService::view).toList(), page, size, r.total()));
    }

    public Uni<SignalView> get(UUID id) {
        return Panache.withSession(() -> signals.findById(id)).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("No signal " + id);
            }
            return view(s);
        });
    }

    private void refused(SourceKind kind, ProblemException e) {
        String slug = e.problem().type().toString().substring(e.problem().type().toString().lastIndexOf('/') + 1);
        metrics.counter("signaldesk.signals.refused", "source", kind.tag, "reason", slug).increment();
        LOG.debugf("signal refused (%s): %s", kind.tag, e.getMessage());
    }

    /** Same value, no trailing zeros ({@code 1.08400} and {@code 1.084} are one price), never in exponent form. */
    static BigDecimal normalize(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static SignalView view(Signal s) {
        return new SignalView(s.id, s.strategyId, s.producerId, s.clientSignalId, s.instrument, s.side.name(),
                normalize(s.entry), normalize(s.stopLoss), normalize(s.takeProfit), s.expiresAt, s.rationale, s.source,
                s.createdAt, s.candleTime);
    }
}
