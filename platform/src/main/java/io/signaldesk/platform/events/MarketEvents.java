package io.signaldesk.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Market data coming into the platform. Prices and volumes are decimals, never doubles. */
public final class MarketEvents {
    private MarketEvents() {}

    /** One closed OHLC bar; {@code time} is the bar's open time, aligned to its timeframe (UTC). */
    public record Bar(
            Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {}

    /**
     * {@code candles.v1}, keyed {@code INSTRUMENT:TIMEFRAME} (e.g. {@code EURUSD:H1}), so the bars of one
     * market arrive in order. Published by a market-data feed outside the platform; consumed by
     * signal-service, which stores the bars and runs every engine strategy trading that market.
     */
    public record CandlesClosed(String instrument, String timeframe, List<Bar> candles) implements DomainEvent {
        @Override
        public String topic() {
            return Topics.CANDLES;
        }

        @Override
        public String key() {
            return instrument + ":" + timeframe;
        }
    }
}
