package io.signaldesk.signal.strategy;

import io.signaldesk.platform.events.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;

/**
 * The Fib-RSI strategy. RSI comes from ta4j (Wilder's RSI over closes); Fibonacci retracement
 * levels (38.2, 50, 61.8, 78.6 %) come from the swing high and low of the last {@code lookback} bars.
 * <ul>
 * <li>Long: RSI crosses up out of oversold on the last bar, and the close is within
 * {@code proximity x range} of a retracement support {@code high - r x range}. Entry at the close,
 * stop loss {@code stopBuffer x range} below the swing low, take profit at the swing high.</li>
 * <li>Short, mirrored: RSI crosses down out of overbought near a resistance {@code low + r x range};
 * stop above the swing high, take profit at the swing low.</li>
 * </ul>
 * Pure: candles in, at most one decision out. {@code CandleService} feeds it stored bars.
 */
public final class FibRsi {
    /** The retracement ratios looked at unless a strategy names its own ({@code fibLevels}). */
    public static final List<BigDecimal> DEFAULT_LEVELS =
            List.of(new BigDecimal("0.382"), new BigDecimal("0.5"), new BigDecimal("0.618"), new BigDecimal("0.786"));

    private FibRsi() {}

    public record Params(
            int rsiPeriod,
            BigDecimal oversold,
            BigDecimal overbought,
            int lookback,
            BigDecimal proximity,
            BigDecimal stopBuffer,
            List<BigDecimal> levels,
            int expiryBars) {
        public static Params defaults() {
            return new Params(
                    14,
                    new BigDecimal("30"),
                    new BigDecimal("70"),
                    100,
                    new BigDecimal("0.05"),
                    new BigDecimal("0.10"),
                    DEFAULT_LEVELS,
                    3);
        }

        /** The defaults with other proximity and stop buffer. */
        public Params with(BigDecimal proximity, BigDecimal stopBuffer) {
            return new Params(rsiPeriod, oversold, overbought, lookback, proximity, stopBuffer, levels, expiryBars);
        }

        /** Problems with the parameters, each as {@code name: message}; empty when they are usable. */
        public List<String> problems() {
            List<String> p = new ArrayList<>();
            if (rsiPeriod < 2 || rsiPeriod > 100) {
                p.add("rsiPeriod: must be 2..100");
            }
            if (oversold == null
                    || overbought == null
                    || oversold.signum() <= 0
                    || overbought.compareTo(BigDecimal.valueOf(100)) >= 0
                    || oversold.compareTo(overbought) >= 0) {
                p.add("oversold: 0 < oversold < overbought < 100");
            }
            if (lookback < rsiPeriod + 2 || lookback > 1000) {
                p.add("lookback: must be rsiPeriod+2..1000");
            }
            if (proximity == null || proximity.signum() <= 0 || proximity.compareTo(new BigDecimal("0.2")) > 0) {
                p.add("proximity: must be in (0, 0.2] of the swing range");
            }
            if (stopBuffer == null || stopBuffer.signum() < 0 || stopBuffer.compareTo(BigDecimal.ONE) > 0) {
                p.add("stopBuffer: must be in [0, 1] of the swing range");
            }
            if (levels == null
                    || levels.isEmpty()
                    || levels.size() > 10
                    || levels.stream()
                            .anyMatch(r -> r == null || r.signum() <= 0 || r.compareTo(BigDecimal.ONE) >= 0)) {
                p.add("fibLevels: must be 1 to 10 ratios, each in (0, 1)");
            }
            if (expiryBars < 1 || expiryBars > 500) {
                p.add("expiryBars: must be 1..500");
            }
            return p;
        }

        /**
         * How many bars one decision looks at: the swing look-back plus a warm-up for Wilder's RSI
         * smoothing. Evaluating the same stored bars always gives the same answer.
         */
        public int window() {
            return lookback + 5 * rsiPeriod;
        }
    }

    public record Candle(
            Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {}

    public record Decision(
            Side side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            BigDecimal rsiBefore,
            BigDecimal rsiNow,
            BigDecimal level,
            BigDecimal ratio,
            BigDecimal swingLow,
            BigDecimal swingHigh,
            Instant candleTime,
            String rationale) {}

    /** Evaluates the last bar of {@code candles} (oldest first); only the last {@link Params#window()} bars matter. */
    public static Optional<Decision> evaluate(List<Candle> candles, Params p, Duration timeframe) {
        if (!p.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p.problems()));
        }
        if (candles.size() > p.window()) {
            candles = candles.subList(candles.size() - p.window(), candles.size());
        }
        if (candles.size() < Math.max(p.rsiPeriod() + 2, 3)) {
            return Optional.empty();
        }
        BarSeries series = new BaseBarSeriesBuilder()
                .withName("fib-rsi")
                .withNumTypeOf(DecimalNum::valueOf)
                .build();
        for (Candle c : candles) {
            series.addBar(
                    timeframe,
                    c.time().atZone(ZoneOffset.UTC),
                    c.open(),
                    c.high(),
                    c.low(),
                    c.close(),
                    c.volume() == null ? BigDecimal.ZERO : c.volume());
        }
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), p.rsiPeriod());
        int last = series.getEndIndex();
        BigDecimal before = new BigDecimal(rsi.getValue(last - 1).getDelegate().toString());
        BigDecimal now = new BigDecimal(rsi.getValue(last).getDelegate().toString());

        int from = Math.max(0, candles.size() - p.lookback());
        BigDecimal high = candles.get(from).high();
        BigDecimal low = candles.get(from).low();
        int scale = 0;
        for (Candle c : candles.subList(from, candles.size())) {
            high = high.max(c.high());
            low = low.min(c.low());
            scale = Math.max(scale, c.close().scale());
        }
        BigDecimal range = high.subtract(low);
        if (range.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal close = candles.get(last).close();
        BigDecimal tolerance = range.multiply(p.proximity());
        BigDecimal buffer = range.multiply(p.stopBuffer());

        boolean crossUp = before.compareTo(p.oversold()) < 0 && now.compareTo(p.oversold()) >= 0;
        boolean crossDown = before.compareTo(p.overbought()) > 0 && now.compareTo(p.overbought()) <= 0;
        if (!crossUp && !crossDown) {
            return Optional.empty();
        }
        Side side = crossUp ? Side.BUY : Side.SELL;
        BigDecimal bestLevel = null;
        BigDecimal bestRatio = null;
        for (BigDecimal r : p.levels()) {
            BigDecimal level = side == Side.BUY ? high.subtract(range.multiply(r)) : low.add(range.multiply(r));
            if (bestLevel == null
                    || close.subtract(level)
                                    .abs()
                                    .compareTo(close.subtract(bestLevel).abs())
                            < 0) {
                bestLevel = level;
                bestRatio = r;
            }
        }
        if (close.subtract(bestLevel).abs().compareTo(tolerance) > 0) {
            return Optional.empty();
        }
        BigDecimal sl = side == Side.BUY ? low.subtract(buffer) : high.add(buffer);
        BigDecimal tp = side == Side.BUY ? high : low;
        if (side == Side.BUY ? tp.compareTo(close) <= 0 : tp.compareTo(close) >= 0) {
            return Optional.empty();
        }
        sl = sl.setScale(scale, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
        BigDecimal level = bestLevel.setScale(scale, RoundingMode.HALF_UP);
        BigDecimal rsiBefore = before.round(new MathContext(4));
        BigDecimal rsiNow = now.round(new MathContext(4));
        String rationale = String.format(
                "RSI(%d) crossed %s through %s (%s -> %s); close %s is %s from the %s%% retracement %s "
                        + "of the %s-%s swing over %d bars",
                p.rsiPeriod(),
                side == Side.BUY ? "up" : "down",
                (side == Side.BUY ? p.oversold() : p.overbought()).toPlainString(),
                rsiBefore.toPlainString(),
                rsiNow.toPlainString(),
                close.toPlainString(),
                close.subtract(bestLevel)
                        .abs()
                        .setScale(scale, RoundingMode.HALF_UP)
                        .toPlainString(),
                bestRatio.movePointRight(2).stripTrailingZeros().toPlainString(),
                level.toPlainString(),
                low.toPlainString(),
                high.toPlainString(),
                candles.size() - from);
        return Optional.of(new Decision(
                side,
                close,
                sl,
                tp,
                rsiBefore,
                rsiNow,
                level,
                bestRatio,
                low,
                high,
                candles.get(last).time(),
                rationale));
    }
}
