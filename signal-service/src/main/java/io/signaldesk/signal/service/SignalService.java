package io.signaldesk.signal.service;

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
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.SignalRepository;
import io.signaldesk.signal.repository.StrategyRepository;
import io.signaldesk.signal.strategy.FibRsi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Signal ingest and store. The order of refusals is fixed: who is sending (401/404, nothing read;
 * {@link ProducerService}), then the body's shape (400; the resource, which reads the body), then what
 * it means (422; here); only then is anything written, and the signal and its SignalPublished outbox
 * row commit in one transaction. The caller runs the three steps inside {@link #countRefusals}, so a
 * refusal at any of them is counted the same way.
 */
@ApplicationScoped
public class SignalService {
    private static final Logger LOG = Logger.getLogger(SignalService.class);

    /** How a signal arrived; the {@code source} tag of {@code signaldesk.signals.published}. */
    public enum SourceKind {
        PRODUCER("producer"),
        TRADINGVIEW("tradingview"),
        ENGINE("engine");

        final String tag;

        SourceKind(String tag) {
            this.tag = tag;
        }
    }

    /**
     * A signal from a producer whose request is well formed (checked by the caller); prices as sent,
     * {@link #publish} normalises them. {@code clientSignalId} may be null.
     */
    public record NewSignal(
            String instrument,
            Side side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant expiresAt,
            String rationale,
            String clientSignalId) {
        NewSignal normalized() {
            return new NewSignal(
                    instrument,
                    side,
                    normalize(entry),
                    normalize(stopLoss),
                    normalize(takeProfit),
                    expiresAt,
                    rationale,
                    clientSignalId);
        }
    }

    /**
     * A well-formed TradingView alert: {@code time} is when it fired; {@code expiresAt} and
     * {@code rationale} may be null (defaults are filled in by {@link #publishAlert}).
     */
    public record Alert(
            String instrument,
            Side side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant expiresAt,
            String rationale,
            Instant time) {}

    /** The stored signal and whether this request created it (false: an idempotent repeat). */
    public record Ingested(Signal signal, boolean created) {}

    /** Filters of the list; null means "any". {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(UUID strategyId, String instrument, Side side, Instant from, Instant to) {}

    /** One page of signals, newest first, and how many match in all. */
    public record Listing(List<Signal> items, int page, int size, long total) {}

    private final SignalRepository signals;
    private final StrategyRepository strategies;
    private final Outbox outbox;
    private final SignalConfig config;
    private final MeterRegistry metrics;

    public SignalService(
            SignalRepository signals,
            StrategyRepository strategies,
            Outbox outbox,
            SignalConfig config,
            MeterRegistry metrics) {
        this.signals = signals;
        this.strategies = strategies;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Runs one attempt to publish a signal ({@code POST /api/v1/signals} or a TradingView webhook: the
     * authentication, the body's checks and {@link #publish} or {@link #publishAlert} together) and
     * counts each refusal, whichever step refused (401 or 404, 400, 422), as
     * {@code signaldesk.signals.refused} with its source and the problem's type.
     */
    public <T> Uni<T> countRefusals(SourceKind source, Uni<T> attempt) {
        return attempt.onFailure(ProblemException.class).invoke(e -> refused(source, (ProblemException) e));
    }

    /** {@code POST /api/v1/signals}: a signal of an authenticated producer (docs/ea-protocol.md). */
    public Uni<Ingested> publish(Producer p, NewSignal signal) {
        return store(p, signal.normalized(), SourceKind.PRODUCER);
    }

    /**
     * {@code POST /api/v1/hooks/tradingview/{token}}: an alert of the producer its URL token named. An
     * alert cannot sign, so its {@code time} must be within {@code signal.tradingview.max-lag} of now.
     */
    public Uni<Ingested> publishAlert(Producer p, Alert alert) {
        Instant now = Instant.now();
        Duration maxLag = config.tradingview().maxLag();
        if (alert.time().isBefore(now.minus(maxLag))) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable(
                            "alert-too-old",
                            "The alert fired at " + alert.time() + ", more than " + maxLag.toSeconds() + " s ago"));
        }
        if (alert.time().isAfter(now.plus(maxLag))) {
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable(
                            "alert-time-in-future",
                            "The alert time " + alert.time() + " is more than " + maxLag.toSeconds()
                                    + " s ahead of server time"));
        }
        Instant expiresAt = alert.expiresAt() != null
                ? alert.expiresAt()
                : alert.time().plus(config.tradingview().defaultExpiry());
        String rationale =
                alert.rationale() == null || alert.rationale().isBlank() ? "TradingView alert" : alert.rationale();
        NewSignal c = new NewSignal(
                alert.instrument(),
                alert.side(),
                alert.entry(),
                alert.stopLoss(),
                alert.takeProfit(),
                expiresAt,
                rationale,
                null);
        return store(p, c.normalized(), SourceKind.TRADINGVIEW);
    }

    /**
     * Checks the candidate against its strategy and stores it with its event, or returns the signal the
     * producer already sent under the same clientSignalId.
     */
    Uni<Ingested> store(Producer p, NewSignal c, SourceKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> existing(p, c).chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(new Ingested(found, false));
                    }
                    return strategies.findById(p.strategyId).chain(strategy -> {
                        if (strategy.retired()) {
                            throw ProblemException.unprocessable(
                                    "strategy-retired",
                                    "Strategy " + strategy.id + " was retired at " + strategy.retiredAt
                                            + "; it takes no more signals");
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
                                .call(() -> outbox.enqueue(new SignalPublished(
                                        s.id,
                                        s.strategyId.toString(),
                                        s.instrument,
                                        s.side,
                                        s.entry,
                                        s.stopLoss,
                                        s.takeProfit,
                                        s.expiresAt,
                                        s.rationale,
                                        s.source,
                                        s.createdAt)))
                                .map(x -> new Ingested(s, true));
                    });
                }))
                // the same clientSignalId sent twice at once: the unique constraint lets one in, the other reads it
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "signals_producer_client_id"))
                .recoverWithUni(
                        () -> Panache.withSession(() -> signals.findByProducerAndClientId(p.id, c.clientSignalId()))
                                .map(found -> new Ingested(found, false)))
                .invoke(r -> {
                    if (r.created()) {
                        metrics.counter("signaldesk.signals.published", "source", kind.tag)
                                .increment();
                    }
                });
    }

    /**
     * Stores a decision of the built-in engine with its SignalPublished event, in the caller's
     * transaction. Returns null when the strategy already has a signal for that bar (one decision per
     * strategy and bar; the unique index {@code signals_strategy_candle_key} backs this up).
     */
    Uni<Signal> storeEngineDecision(Strategy strategy, FibRsi.Decision d, Instant expiresAt, Instant now) {
        return signals.findByStrategyAndCandleTime(strategy.id, d.candleTime()).chain(found -> {
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
            s.source = SourceKind.ENGINE.tag + ":"
                    + strategy.kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            s.candleTime = d.candleTime();
            s.createdAt = now;
            return signals.persist(s)
                    .call(() -> outbox.enqueue(new SignalPublished(
                            s.id,
                            s.strategyId.toString(),
                            s.instrument,
                            s.side,
                            s.entry,
                            s.stopLoss,
                            s.takeProfit,
                            s.expiresAt,
                            s.rationale,
                            s.source,
                            s.createdAt)))
                    .replaceWith(s);
        });
    }

    private Uni<Signal> existing(Producer p, NewSignal c) {
        return c.clientSignalId() == null
                ? Uni.createFrom().nullItem()
                : signals.findByProducerAndClientId(p.id, c.clientSignalId());
    }

    /** The 422 checks: levels on the right sides of the entry, a sensible expiry, the strategy's instrument. */
    void checkMeaning(NewSignal c, String strategyInstrument, Instant now) {
        boolean levelsOk = c.side() == Side.BUY
                ? c.stopLoss().compareTo(c.entry()) < 0 && c.entry().compareTo(c.takeProfit()) < 0
                : c.takeProfit().compareTo(c.entry()) < 0 && c.entry().compareTo(c.stopLoss()) < 0;
        if (!levelsOk) {
            throw ProblemException.unprocessable(
                    "signal-levels",
                    c.side() == Side.BUY
                            ? "A BUY needs stopLoss < entry < takeProfit"
                            : "A SELL needs takeProfit < entry < stopLoss");
        }
        if (!c.expiresAt().isAfter(now)) {
            throw ProblemException.unprocessable(
                    "signal-expired", "expiresAt " + c.expiresAt() + " is not in the future");
        }
        if (c.expiresAt().isAfter(now.plus(config.maxExpiry()))) {
            throw ProblemException.unprocessable(
                    "signal-expiry-too-far",
                    "expiresAt may be at most " + config.maxExpiry().toHours() + " h ahead");
        }
        if (!c.instrument().equals(strategyInstrument)) {
            throw ProblemException.unprocessable(
                    "instrument-mismatch",
                    "This producer's strategy trades " + strategyInstrument + ", not " + c.instrument());
        }
    }

    public Uni<Listing> list(Filter f, int page, int size) {
        SignalRepository.Filter filter =
                new SignalRepository.Filter(f.strategyId(), f.instrument(), f.side(), f.from(), f.to());
        return Panache.withSession(() -> signals.search(filter, page, size))
                .map(r -> new Listing(r.items(), page, size, r.total()));
    }

    /** One signal; 404 when there is none. */
    public Uni<Signal> get(UUID id) {
        return Panache.withSession(() -> signals.findById(id)).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("No signal " + id);
            }
            return s;
        });
    }

    private void refused(SourceKind kind, ProblemException e) {
        String slug = e.problem()
                .type()
                .toString()
                .substring(e.problem().type().toString().lastIndexOf('/') + 1);
        metrics.counter("signaldesk.signals.refused", "source", kind.tag, "reason", slug)
                .increment();
        LOG.debugf("signal refused (%s): %s", kind.tag, e.getMessage());
    }

    /**
     * Same value, no trailing zeros ({@code 1.08400} and {@code 1.084} are one price), never in exponent
     * form. Stored prices come back at the column's scale, so views normalise them too.
     */
    public static BigDecimal normalize(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
