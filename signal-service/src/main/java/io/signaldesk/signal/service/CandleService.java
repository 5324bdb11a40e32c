package io.signaldesk.signal.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.signal.Candle;
import io.signaldesk.signal.Signal;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.CandleRepository;
import io.signaldesk.signal.repository.StrategyRepository;
import io.signaldesk.signal.strategy.FibRsi;
import io.signaldesk.signal.strategy.FibRsiParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Market data in, engine signals out. Bars are stored per market (instrument, timeframe); a stored
 * bar never changes (the same bar again is a duplicate, a different one a 409). Every bar that is new
 * and newer than anything stored for its market is shown to each FIB_RSI strategy trading that market,
 * and a decision becomes a signal with its SignalPublished event in the same transaction. One
 * decision per strategy and bar, so a redelivered batch publishes nothing twice. Back-filled history
 * publishes nothing either: a decision whose expiry (bar close + {@code expiryBars} bars) has passed is
 * not evaluated at all.
 */
@ApplicationScoped
public class CandleService {
    private static final Logger LOG = Logger.getLogger(CandleService.class);
    /** How far ahead of the server clock a bar's close may be and still count as closed (clock skew). */
    static final Duration CLOSE_SKEW = Duration.ofSeconds(5);
    /** Bars before this are refused (and Postgres cannot store years before 4713 BC anyway). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Prices fit NUMERIC(19,10): below 10^9 (bars are checked by @Digits, engine stop losses here). */
    static final BigDecimal PRICE_LIMIT = new BigDecimal("1000000000");

    /** Most bars in one batch (a feed sends one per bar close; a back-fill sends many). */
    public static final int MAX_BATCH = 1000;

    static final String PRICE = "must be a positive decimal with at most 9 integer digits and 10 decimal places";
    static final String VOLUME = "must be a decimal >= 0 with at most 18 integer digits and 6 decimal places";

    /**
     * One closed bar as a caller hands it in; {@code time} is its open time, {@code volume} may be null
     * (zero). Any value may be missing or out of range: shape checks report that, {@link #checked} what
     * they cannot express. The constraints here are the shape a feed's bars must have
     * ({@link #ingestFeed} checks them); the REST resource checks its own request model instead and
     * hands its violations to {@link #ingestForStrategy}, so the API's field names and the event's stay
     * independent.
     */
    public record Bar(
            @NotNull Instant time,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal open,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal high,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal low,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal close,

            @PositiveOrZero @Digits(integer = 18, fraction = 6, message = VOLUME)
            BigDecimal volume) {}

    /** A feed's bars as Bean Validation reports them: {@code candles[0].open}, the event's own names. */
    record FeedBars(
            @NotNull @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to " + MAX_BATCH + " bars")
            List<@NotNull @Valid Bar> candles) {}

    /**
     * What a batch did: bars received, stored, already stored (identical, skipped), and the signals the
     * market's engine strategies decided on the new bars.
     */
    public record Ingested(
            String instrument, String timeframe, int received, int stored, int duplicates, List<Signal> signals) {}

    /** Stored bars of a market, oldest first. */
    public record Bars(String instrument, String timeframe, List<Candle> candles) {}

    /** A market's validated bars, oldest first, prices without trailing zeros. */
    record Batch(String instrument, String timeframe, List<Bar> bars, String source) {}

    private final CandleRepository candles;
    private final StrategyRepository strategies;
    private final SignalService signals;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Duration maxExpiry;

    public CandleService(
            CandleRepository candles,
            StrategyRepository strategies,
            SignalService signals,
            RequestValidator validator,
            ObjectMapper mapper,
            MeterRegistry metrics,
            SignalConfig config) {
        this.maxExpiry = config.maxExpiry();
        this.candles = candles;
        this.strategies = strategies;
        this.signals = signals;
        this.validator = validator;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /**
     * {@code POST /api/v1/strategies/{id}/candles}: bars for the strategy's market. {@code shapeProblems}
     * are what the caller found wrong with the request's form; they are reported in one 400 with the
     * checks of {@link #checked}, which need the strategy's timeframe, so an unknown strategy (404) or
     * one that is not an engine (422) is refused first. Only without any bars to look at (null, none,
     * more than {@link #MAX_BATCH}) is the 400 immediate.
     */
    public Uni<Ingested> ingestForStrategy(
            UUID strategyId, List<Bar> bars, List<Problem.Violation> shapeProblems, UUID userId) {
        if (bars == null || bars.isEmpty() || bars.size() > MAX_BATCH) {
            return Uni.createFrom().failure(RequestValidator.invalid(shapeProblems));
        }
        return Panache.withTransaction(() -> strategies.findById(strategyId).chain(s -> {
                    if (s == null) {
                        throw ProblemException.notFound("No strategy " + strategyId);
                    }
                    if (s.kind != Strategy.Kind.FIB_RSI) {
                        throw ProblemException.unprocessable(
                                "strategy-not-engine",
                                "Strategy " + s.id + " is " + s.kind + "; candles feed engine strategies ("
                                        + Strategy.Kind.FIB_RSI + ") only");
                    }
                    Batch batch = checked(s.instrument, s.timeframe, bars, "api:" + userId, shapeProblems);
                    return ingest(batch);
                }))
                .invoke(this::count);
    }

    /**
     * Bars from the {@code candles.v1} feed, in the caller's transaction (the consumer's inbox). Throws
     * a ProblemException when the bars are unusable: the consumer treats that event as poison. The
     * caller counts the result ({@link #count}) once its transaction has committed.
     */
    public Uni<Ingested> ingestFeed(String instrument, String timeframe, List<Bar> bars, String source) {
        List<Problem.Violation> shape = new ArrayList<>();
        if (instrument == null || !instrument.matches(Strategy.INSTRUMENT_PATTERN)) {
            shape.add(new Problem.Violation("instrument", "must be 3-12 upper-case letters or digits"));
        }
        if (timeframe == null || !Strategy.TIMEFRAMES.containsKey(timeframe)) {
            shape.add(new Problem.Violation(
                    "timeframe", "must be one of " + String.join(", ", Strategy.TIMEFRAMES.keySet())));
        }
        try {
            validator.validate(new FeedBars(bars));
        } catch (ProblemException e) {
            shape.addAll(e.problem().violations());
        }
        // a feed's event is refused on its form alone; only well-formed bars go on to the checks of checked()
        if (!shape.isEmpty()) {
            throw RequestValidator.invalid(shape);
        }
        return ingest(checked(instrument, timeframe, bars, source, shape));
    }

    /** The newest bars of the strategy's market, oldest first; 404 for an unknown strategy. */
    public Uni<Bars> latest(UUID strategyId, Instant before, int limit) {
        return Panache.withSession(() -> strategies.findById(strategyId).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("No strategy " + strategyId);
            }
            return candles.latest(s.instrument, s.timeframe, before, limit)
                    .map(l -> new Bars(s.instrument, s.timeframe, l));
        }));
    }

    /**
     * The checks bean validation cannot express (OHLC order, alignment, order in the batch, closed bars),
     * then one 400 with {@code prior} and these together.
     */
    Batch checked(String instrument, String timeframe, List<Bar> bars, String source, List<Problem.Violation> prior) {
        Duration tf = Strategy.TIMEFRAMES.get(timeframe);
        Instant now = Instant.now();
        List<Problem.Violation> v = new ArrayList<>(prior);
        List<Bar> normalized = new ArrayList<>(bars.size());
        Instant previous = null;
        for (int i = 0; i < bars.size(); i++) {
            Bar c = bars.get(i);
            String at = "candles[" + i + "]";
            if (c == null) {
                continue; // reported by bean validation
            }
            // prices @Digits has refused (1e2147483647 and the like) are not compared
            if (price(c.open()) && price(c.high()) && price(c.low()) && price(c.close())) {
                if (c.low().compareTo(c.open().min(c.close())) > 0
                        || c.high().compareTo(c.open().max(c.close())) < 0) {
                    v.add(new Problem.Violation(at, "needs low <= open, close <= high"));
                }
            }
            if (c.time() == null) {
                continue;
            }
            if (c.time().isBefore(EARLIEST)) {
                v.add(new Problem.Violation(at + ".time", "must not be before " + EARLIEST));
            } else if (c.time().isAfter(now)) {
                v.add(new Problem.Violation(at + ".time", "the bar has not closed yet"));
            } else if (c.time().getNano() != 0 || c.time().getEpochSecond() % tf.toSeconds() != 0) {
                v.add(new Problem.Violation(
                        at + ".time",
                        "must be a " + timeframe + " bar open time (a multiple of " + tf.toMinutes()
                                + " min since 00:00 UTC)"));
            } else if (c.time().plus(tf).isAfter(now.plus(CLOSE_SKEW))) {
                v.add(new Problem.Violation(
                        at + ".time",
                        "the bar is still open: it closes at " + c.time().plus(tf)));
            }
            if (previous != null && !c.time().isAfter(previous)) {
                v.add(new Problem.Violation(at + ".time", "bars must be oldest first, each time once"));
            }
            previous = c.time();
            if (!v.isEmpty()) {
                continue;
            }
            normalized.add(new Bar(
                    c.time(),
                    SignalService.normalize(c.open()),
                    SignalService.normalize(c.high()),
                    SignalService.normalize(c.low()),
                    SignalService.normalize(c.close()),
                    c.volume() == null ? BigDecimal.ZERO : SignalService.normalize(c.volume())));
        }
        if (!v.isEmpty()) {
            throw RequestValidator.invalid(v);
        }
        return new Batch(instrument, timeframe, normalized, source);
    }

    /** Stores the batch and runs the market's engine strategies; needs the caller's transaction. */
    Uni<Ingested> ingest(Batch b) {
        Instant first = b.bars().get(0).time();
        Instant last = b.bars().get(b.bars().size() - 1).time();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // one writer per market at a time, so "newer than anything stored" and "one decision per bar" hold
        return lockMarket(b)
                .chain(() -> candles.newestTime(b.instrument(), b.timeframe()))
                .chain(newestBefore -> candles.between(b.instrument(), b.timeframe(), first, last)
                        .chain(stored -> {
                            Map<Instant, Candle> byTime = new HashMap<>();
                            stored.forEach(c -> byTime.put(c.id.openTime, c));
                            List<Candle> fresh = new ArrayList<>();
                            for (Bar in : b.bars()) {
                                Candle old = byTime.get(in.time());
                                if (old == null) {
                                    fresh.add(entity(b, in, now));
                                } else if (!same(old, in)) {
                                    throw ProblemException.conflict(
                                            "candle-conflict",
                                            "The " + b.instrument() + " " + b.timeframe() + " bar of " + in.time()
                                                    + " is stored with other values; a stored bar never changes");
                                }
                            }
                            int duplicates = b.bars().size() - fresh.size();
                            List<Candle> newest = fresh.stream()
                                    .filter(c -> newestBefore == null || c.id.openTime.isAfter(newestBefore))
                                    .toList();
                            Uni<Void> store = fresh.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : candles.persist(fresh).chain(() -> candles.flush());
                            return store.chain(() -> decide(b, newest, now))
                                    .map(published -> new Ingested(
                                            b.instrument(),
                                            b.timeframe(),
                                            b.bars().size(),
                                            fresh.size(),
                                            duplicates,
                                            published));
                        }));
    }

    /** Shows each new bar to every engine strategy of the market; the decisions become signals. */
    private Uni<List<Signal>> decide(Batch b, List<Candle> newest, Instant now) {
        if (newest.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Duration tf = Strategy.TIMEFRAMES.get(b.timeframe());
        return strategies
                .listActive(Strategy.Kind.FIB_RSI, b.instrument(), b.timeframe())
                .chain(engines -> {
                    if (engines.isEmpty()) {
                        return Uni.createFrom().item(List.<Signal>of());
                    }
                    Map<UUID, FibRsi.Params> params = new HashMap<>();
                    int window = 0;
                    for (Strategy s : engines) {
                        FibRsi.Params p = params(s);
                        params.put(s.id, p);
                        window = Math.max(window, p.window());
                    }
                    return candles.latest(b.instrument(), b.timeframe(), null, window + newest.size())
                            .chain(history -> {
                                List<FibRsi.Candle> bars =
                                        history.stream().map(CandleService::bar).toList();
                                List<Uni<Signal>> stores = new ArrayList<>();
                                for (Strategy s : engines) {
                                    FibRsi.Params p = params.get(s.id);
                                    for (int i = bars.size() - newest.size(); i < bars.size(); i++) {
                                        FibRsi.Candle bar = bars.get(i);
                                        Instant expiresAt = bar.time().plus(tf.multipliedBy(1L + p.expiryBars()));
                                        if (expiresAt.isAfter(now.plus(maxExpiry))) {
                                            expiresAt = now.plus(
                                                    maxExpiry); // as for every signal: signal.max-expiry at most
                                        }
                                        if (!expiresAt.isAfter(now)) {
                                            continue; // history: whatever it said has expired
                                        }
                                        List<FibRsi.Candle> upTo = bars.subList(Math.max(0, i + 1 - p.window()), i + 1);
                                        Instant expiry = expiresAt;
                                        FibRsi.evaluate(upTo, p, tf).ifPresent(d -> {
                                            if (d.stopLoss().signum() <= 0
                                                    || d.stopLoss().compareTo(PRICE_LIMIT) >= 0) {
                                                LOG.warnf(
                                                        "strategy %s: %s decision on %s skipped, stop loss %s is not a price",
                                                        s.id, d.side(), d.candleTime(), d.stopLoss());
                                                return;
                                            }
                                            stores.add(Uni.createFrom()
                                                    .deferred(() -> signals.storeEngineDecision(s, d, expiry, now)));
                                        });
                                    }
                                }
                                // one after the other: a Hibernate Reactive session takes one operation at a time
                                return Multi.createFrom()
                                        .iterable(stores)
                                        .onItem()
                                        .transformToUniAndConcatenate(u -> u)
                                        .collect()
                                        .asList();
                            });
                });
    }

    private FibRsi.Params params(Strategy s) {
        try {
            List<Problem.Violation> v = new ArrayList<>();
            FibRsi.Params p = FibRsiParams.read(mapper.readTree(s.params), v);
            if (p != null) {
                return p;
            }
            LOG.errorf("strategy %s has unusable stored params %s (%s); running with the defaults", s.id, s.params, v);
        } catch (IOException e) {
            LOG.errorf("strategy %s has unreadable stored params; running with the defaults", s.id);
        }
        return FibRsi.Params.defaults();
    }

    private Uni<Void> lockMarket(Batch b) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                        .setParameter(1, QueryPlans.notCached("candles:" + b.instrument() + ":" + b.timeframe()))
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Counts stored bars and engine signals; call after the batch's transaction has committed. */
    public void count(Ingested r) {
        metrics.counter("signaldesk.candles.stored", "timeframe", r.timeframe()).increment(r.stored());
        if (!r.signals().isEmpty()) {
            metrics.counter("signaldesk.signals.published", "source", SignalService.SourceKind.ENGINE.tag)
                    .increment(r.signals().size());
        }
    }

    /** A usable price: positive and within NUMERIC(19,10)'s integer digits (what @Digits checks). */
    private static boolean price(BigDecimal d) {
        return d != null && d.signum() > 0 && d.compareTo(PRICE_LIMIT) < 0;
    }

    private static boolean same(Candle c, Bar in) {
        return c.open.compareTo(in.open()) == 0
                && c.high.compareTo(in.high()) == 0
                && c.low.compareTo(in.low()) == 0
                && c.close.compareTo(in.close()) == 0
                && c.volume.compareTo(in.volume()) == 0;
    }

    private static Candle entity(Batch b, Bar in, Instant now) {
        Candle c = new Candle();
        c.id = new Candle.Key(b.instrument(), b.timeframe(), in.time());
        c.open = in.open();
        c.high = in.high();
        c.low = in.low();
        c.close = in.close();
        c.volume = in.volume();
        c.source = b.source();
        c.receivedAt = now;
        return c;
    }

    private static FibRsi.Candle bar(Candle c) {
        return new FibRsi.Candle(
                c.id.openTime,
                SignalService.normalize(c.open),
                SignalService.normalize(c.high),
                SignalService.normalize(c.low),
                SignalService.normalize(c.close),
                c.volume);
    }
}
