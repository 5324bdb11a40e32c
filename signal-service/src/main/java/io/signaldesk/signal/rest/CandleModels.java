package io.signaldesk.signal.rest;

import io.signaldesk.signal.Candle;
import io.signaldesk.signal.rest.SignalModels.SignalView;
import io.signaldesk.signal.service.CandleService;
import io.signaldesk.signal.service.SignalService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API models of candle ingest and reading. Prices as in {@link SignalModels}: decimals, never doubles. */
public final class CandleModels {
    private CandleModels() {}

    /** Most bars in one batch (a feed sends one per bar close; a back-fill sends many). */
    public static final int MAX_BATCH = CandleService.MAX_BATCH;

    static final String VOLUME = "must be a decimal >= 0 with at most 18 integer digits and 6 decimal places";

    @Schema(description = "One closed bar; time is its open time, aligned to the strategy's timeframe (UTC)")
    public record CandleInput(
            @NotNull Instant time,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = SignalModels.PRICE)
            BigDecimal open,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = SignalModels.PRICE)
            BigDecimal high,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = SignalModels.PRICE)
            BigDecimal low,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = SignalModels.PRICE)
            BigDecimal close,

            @PositiveOrZero @Digits(integer = 18, fraction = 6, message = VOLUME)
            BigDecimal volume) {
        CandleService.Bar toBar() {
            return new CandleService.Bar(time, open, high, low, close, volume);
        }
    }

    @Schema(description = "Closed bars, oldest first, at most 1000")
    public record CandleBatchRequest(
            @NotNull @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to " + MAX_BATCH + " bars")
            List<@NotNull @Valid CandleInput> candles) {}

    @Schema(
            description = "What a batch did: bars stored, bars already stored (identical, skipped), and the "
                    + "signals the market's engine strategies decided on the new bars")
    public record CandleIngestResult(
            String instrument, String timeframe, int received, int stored, int duplicates, List<SignalView> signals) {
        static CandleIngestResult of(CandleService.Ingested r) {
            return new CandleIngestResult(
                    r.instrument(),
                    r.timeframe(),
                    r.received(),
                    r.stored(),
                    r.duplicates(),
                    r.signals().stream().map(SignalView::of).toList());
        }
    }

    public record CandleView(
            Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        static CandleView of(Candle c) {
            return new CandleView(
                    c.id.openTime,
                    SignalService.normalize(c.open),
                    SignalService.normalize(c.high),
                    SignalService.normalize(c.low),
                    SignalService.normalize(c.close),
                    SignalService.normalize(c.volume));
        }
    }

    public record CandlePage(String instrument, String timeframe, List<CandleView> candles) {
        static CandlePage of(CandleService.Bars b) {
            return new CandlePage(
                    b.instrument(),
                    b.timeframe(),
                    b.candles().stream().map(CandleView::of).toList());
        }
    }
}
