package io.signaldesk.signal.messaging;

import io.signaldesk.platform.events.EventTypes;
import io.signaldesk.platform.events.MarketEvents.Bar;
import io.signaldesk.platform.events.MarketEvents.CandlesClosed;
import io.signaldesk.platform.messaging.EventConsumer;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.signal.service.CandleService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code candles.v1} from a market-data feed: the same ingest as the REST endpoint, once per
 * CloudEvent id (inbox). Bars that could never be stored (invalid, or contradicting a stored bar)
 * make the event poison: it goes to {@code dlq.signal-service.candles.v1} and the partition moves on.
 * The event's bars are mapped to the service's own {@link CandleService.Bar}, never to the REST models,
 * so the API and the event contract change independently.
 */
@ApplicationScoped
public class CandleFeedConsumer {
    static final String CONSUMER = "signal-service.candles";

    private final EventConsumer events;
    private final CandleService candles;

    public CandleFeedConsumer(EventConsumer events, CandleService candles) {
        this.events = events;
        this.candles = candles;
    }

    @Incoming("candles")
    public Uni<Void> onCandles(Message<String> msg) {
        CandleService.Ingested[] applied = new CandleService.Ingested[1];
        return events.consume(CONSUMER, msg, env -> {
                    if (!EventTypes.CANDLES_CLOSED.equals(env.type())) {
                        return Uni.createFrom().voidItem();
                    }
                    CandlesClosed e = events.data(env, CandlesClosed.class);
                    List<CandleService.Bar> bars = e.candles() == null
                            ? null
                            : e.candles().stream().map(CandleFeedConsumer::bar).toList();
                    return Uni.createFrom()
                            .deferred(() ->
                                    candles.ingestFeed(e.instrument(), e.timeframe(), bars, "feed:" + env.source()))
                            .invoke(r -> applied[0] = r)
                            // bars that can never be stored: retrying would hold the partition for ever
                            .onFailure(t -> t instanceof ProblemException
                                    || t instanceof ArithmeticException
                                    || t instanceof DateTimeException)
                            .transform(t -> new PoisonEventException(
                                    "candles " + env.id() + " refused: " + t.getMessage()
                                            + (t instanceof ProblemException p
                                                    ? " " + p.problem().violations()
                                                    : ""),
                                    t));
                })
                .invoke(() -> {
                    if (applied[0] != null) { // committed
                        candles.count(applied[0]);
                    }
                });
    }

    private static CandleService.Bar bar(Bar b) {
        return b == null ? null : new CandleService.Bar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
    }
}
