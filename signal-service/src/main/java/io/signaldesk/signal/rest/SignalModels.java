package io.signaldesk.signal.rest;

import io.signaldesk.platform.events.Side;
import io.signaldesk.signal.Signal;
import io.signaldesk.signal.Strategy;
import io.signaldesk.signal.service.SignalService;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * API models of signal ingest and listing. Prices are decimals (JSON strings or numbers, read as
 * BigDecimal, never double), positive, with at most 10 decimal places and 9 integer digits
 * (NUMERIC(19,10)).
 */
public final class SignalModels {
    private SignalModels() {}

    static final String PRICE = "must be a positive decimal with at most 9 integer digits and 10 decimal places";

    @Schema(description = "A signal from a producer, signed as in docs/ea-protocol.md")
    public record SignalRequest(
            @NotNull
            @Pattern(regexp = Strategy.INSTRUMENT_PATTERN, message = "must be 3-12 upper-case letters or digits")
            String instrument,

            @NotNull @Pattern(regexp = "BUY|SELL", message = "must be BUY or SELL")
            String side,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal entry,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal stopLoss,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal takeProfit,

            @NotNull Instant expiresAt,
            @NotBlank @Size(max = 2000) String rationale,

            @Size(min = 1, max = 64)
            @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces")
            String clientSignalId) {
        /** The service's command; call after validation ({@code side} is then BUY or SELL). */
        SignalService.NewSignal toCommand() {
            return new SignalService.NewSignal(
                    instrument, Side.valueOf(side), entry, stopLoss, takeProfit, expiresAt, rationale, clientSignalId);
        }
    }

    @Schema(description = "A TradingView alert body; time is when the alert fired")
    public record TradingViewAlert(
            @NotNull
            @Pattern(regexp = Strategy.INSTRUMENT_PATTERN, message = "must be 3-12 upper-case letters or digits")
            String instrument,

            @NotNull @Pattern(regexp = "BUY|SELL", message = "must be BUY or SELL")
            String side,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal entry,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal stopLoss,

            @NotNull @Positive @Digits(integer = 9, fraction = 10, message = PRICE)
            BigDecimal takeProfit,

            Instant expiresAt,
            @Size(max = 2000) String rationale,
            @NotNull Instant time) {
        /** The service's command; call after validation ({@code side} is then BUY or SELL). */
        SignalService.Alert toAlert() {
            return new SignalService.Alert(
                    instrument, Side.valueOf(side), entry, stopLoss, takeProfit, expiresAt, rationale, time);
        }
    }

    public record SignalView(
            UUID id,
            UUID strategyId,
            UUID producerId,
            String clientSignalId,
            String instrument,
            String side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant expiresAt,
            String rationale,
            String source,
            Instant createdAt,

            @Schema(description = "The bar an engine strategy decided on (open time); absent for producers")
            Instant candleTime) {
        static SignalView of(Signal s) {
            return new SignalView(
                    s.id,
                    s.strategyId,
                    s.producerId,
                    s.clientSignalId,
                    s.instrument,
                    s.side.name(),
                    SignalService.normalize(s.entry),
                    SignalService.normalize(s.stopLoss),
                    SignalService.normalize(s.takeProfit),
                    s.expiresAt,
                    s.rationale,
                    s.source,
                    s.createdAt,
                    s.candleTime);
        }
    }

    public record SignalPage(List<SignalView> items, int page, int size, long total) {
        static SignalPage of(SignalService.Listing l) {
            return new SignalPage(l.items().stream().map(SignalView::of).toList(), l.page(), l.size(), l.total());
        }
    }
}
