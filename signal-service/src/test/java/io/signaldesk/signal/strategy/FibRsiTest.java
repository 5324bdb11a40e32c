package io.signaldesk.signal.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.platform.events.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Crafted series whose levels can be computed by hand. The swing: 25 bars up by 0.0040 from
 * 1.0000 to 1.1000 (range 0.1000), then 68 bars down by 0.0010 to 1.0320: RSI sinks far below 30.
 * A last bar up by 0.0065 closes at 1.0385. With Wilder's smoothing over 14 bars,
 * RSI ~ 100 x (G/14) / (G/14 + 13L/14) with G = 0.0065 and L ~ 0.0010: about 34, so it crosses
 * up through 30. The 61.8 % retracement is 1.1000 - 0.0618 = 1.0382, 0.0003 from the close and
 * within 5 % of the range (0.0050). Stop loss 1.0000 - 10 % x 0.1000 = 0.9900; take profit 1.1000.
 */
public class FibRsiTest {
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    /** The crafted series (oldest first), hourly from {@link #T0}; a cross up at the 61.8 % level for lastMove 0.0065. */
    public static List<FibRsi.Candle> series(BigDecimal lastMove) {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal p = new BigDecimal("1.0000");
        closes.add(p);
        for (int i = 0; i < 25; i++) {
            p = p.add(new BigDecimal("0.0040"));
            closes.add(p);
        }
        for (int i = 0; i < 68; i++) {
            p = p.subtract(new BigDecimal("0.0010"));
            closes.add(p);
        }
        closes.add(p.add(lastMove));
        return candles(closes);
    }

    static List<FibRsi.Candle> candles(List<BigDecimal> closes) {
        List<FibRsi.Candle> out = new ArrayList<>();
        BigDecimal open = closes.get(0);
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal c = closes.get(i);
            out.add(new FibRsi.Candle(T0.plus(Duration.ofHours(i)), open, open.max(c), open.min(c), c, BigDecimal.ONE));
            open = c;
        }
        return out;
    }

    public static List<FibRsi.Candle> mirrored(List<FibRsi.Candle> in) {
        BigDecimal axis = new BigDecimal("2.1000");
        UnaryOperator<BigDecimal> m = axis::subtract;
        return in.stream()
                .map(c -> new FibRsi.Candle(
                        c.time(),
                        m.apply(c.open()),
                        m.apply(c.low()),
                        m.apply(c.high()),
                        m.apply(c.close()),
                        c.volume()))
                .toList();
    }

    @Test
    void aLongWhenRsiLeavesOversoldAtTheGoldenRatioSupport() {
        Optional<FibRsi.Decision> d =
                FibRsi.evaluate(series(new BigDecimal("0.0065")), FibRsi.Params.defaults(), Duration.ofHours(1));
        assertThat(d).isPresent();
        FibRsi.Decision x = d.get();
        assertThat(x.side()).isEqualTo(Side.BUY);
        assertThat(x.entry()).isEqualByComparingTo("1.0385");
        assertThat(x.swingHigh()).isEqualByComparingTo("1.1000");
        assertThat(x.swingLow()).isEqualByComparingTo("1.0000");
        assertThat(x.ratio()).isEqualByComparingTo("0.618");
        assertThat(x.level()).isEqualByComparingTo("1.0382");
        assertThat(x.stopLoss()).isEqualByComparingTo("0.9900");
        assertThat(x.takeProfit()).isEqualByComparingTo("1.1000");
        assertThat(x.rsiBefore()).isLessThan(new BigDecimal("30"));
        assertThat(x.rsiNow()).isBetween(new BigDecimal("30"), new BigDecimal("40"));
        assertThat(x.rationale())
                .contains("RSI(14) crossed up through 30")
                .contains("61.8% retracement 1.0382")
                .contains("1.0000-1.1000 swing");
    }

    @Test
    void aShortIsTheMirrorImage() {
        Optional<FibRsi.Decision> d = FibRsi.evaluate(
                mirrored(series(new BigDecimal("0.0065"))), FibRsi.Params.defaults(), Duration.ofHours(1));
        assertThat(d).isPresent();
        FibRsi.Decision x = d.get();
        assertThat(x.side()).isEqualTo(Side.SELL);
        assertThat(x.entry()).isEqualByComparingTo("1.0615");
        assertThat(x.level()).isEqualByComparingTo("1.0618");
        assertThat(x.stopLoss()).isEqualByComparingTo("1.1100");
        assertThat(x.takeProfit()).isEqualByComparingTo("1.0000");
        assertThat(x.rsiBefore()).isGreaterThan(new BigDecimal("70"));
        assertThat(x.rsiNow()).isBetween(new BigDecimal("60"), new BigDecimal("70"));
    }

    @Test
    void noSignalWithoutTheRsiCross() {
        // a small last bounce keeps RSI under 30: 100 x 0.0010 / (0.0010 + 0.0130) ~ 7
        assertThat(FibRsi.evaluate(series(new BigDecimal("0.0010")), FibRsi.Params.defaults(), Duration.ofHours(1)))
                .isEmpty();
        // falling further: no cross at all
        assertThat(FibRsi.evaluate(series(new BigDecimal("-0.0010")), FibRsi.Params.defaults(), Duration.ofHours(1)))
                .isEmpty();
    }

    @Test
    void noSignalWhenTheCrossIsFarFromEveryLevel() {
        // the same cross but 0.0060 from the nearest level is beyond 5 % of the range; at 10 % it is a signal
        List<FibRsi.Candle> far = series(new BigDecimal("0.0065")).stream()
                .map(c -> new FibRsi.Candle(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume()))
                .toList();
        List<FibRsi.Candle> shifted = new ArrayList<>(far.subList(0, far.size() - 1));
        FibRsi.Candle last = far.get(far.size() - 1);
        shifted.add(new FibRsi.Candle(
                last.time(),
                last.open(),
                new BigDecimal("1.0442"),
                last.low(),
                new BigDecimal("1.0442"),
                last.volume()));
        assertThat(FibRsi.evaluate(shifted, FibRsi.Params.defaults(), Duration.ofHours(1)))
                .isEmpty();
        FibRsi.Params wide = FibRsi.Params.defaults().with(new BigDecimal("0.10"), new BigDecimal("0.10"));
        assertThat(FibRsi.evaluate(shifted, wide, Duration.ofHours(1))).isPresent();
    }

    @Test
    void tooFewCandlesGiveNothingAndBadParametersAreRefused() {
        assertThat(FibRsi.evaluate(
                        series(new BigDecimal("0.0065")).subList(0, 10), FibRsi.Params.defaults(), Duration.ofHours(1)))
                .isEmpty();
        FibRsi.Params bad = new FibRsi.Params(
                1, new BigDecimal("80"), new BigDecimal("70"), 2, BigDecimal.ZERO, new BigDecimal("2"), List.of(), 0);
        assertThat(bad.problems()).hasSize(7);
        assertThatThrownBy(() -> FibRsi.evaluate(series(BigDecimal.ZERO), bad, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheNamedLevelsCount() {
        // without 61.8 % the nearest level is 50 % (1.0500), 0.0115 from the close: no signal
        FibRsi.Params noGolden = new FibRsi.Params(
                14,
                new BigDecimal("30"),
                new BigDecimal("70"),
                100,
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                List.of(new BigDecimal("0.382"), new BigDecimal("0.5")),
                3);
        assertThat(FibRsi.evaluate(series(new BigDecimal("0.0065")), noGolden, Duration.ofHours(1)))
                .isEmpty();
    }
}
