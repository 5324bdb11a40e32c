package io.signaldesk.signal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.signal.Strategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API models of the strategy endpoints (separate from the entity). */
public final class StrategyModels {
    private StrategyModels() {}

    public record CreateStrategyRequest(
            @NotNull
            @Size(min = 3, max = 80, message = "must be 3 to 80 characters")
            @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with whitespace")
            String name,

            @NotNull @Pattern(regexp = Strategy.Kind.PATTERN, message = "must be FIB_RSI or EXTERNAL")
            String kind,

            @NotNull
            @Pattern(regexp = Strategy.INSTRUMENT_PATTERN, message = "must be 3-12 upper-case letters or digits")
            String instrument,

            @NotNull
            @Pattern(regexp = "M1|M5|M15|M30|H1|H4|D1", message = "must be one of M1, M5, M15, M30, H1, H4, D1")
            String timeframe,

            @Schema(
                    description =
                            "FIB_RSI: rsiPeriod, oversold, overbought, lookback, proximity, stopBuffer, fibLevels, "
                                    + "expiryBars, each optional (defaults are filled in and returned). EXTERNAL: any JSON object "
                                    + "of at most 4 KiB ({} when absent)")
            JsonNode params) {
        /**
         * The kind this request names, or null when it names none (then validation reports it): the
         * string is kept here so that an unknown kind is one violation among the others, not a 400 of
         * its own from Jackson.
         */
        Strategy.Kind kindValue() {
            return Strategy.Kind.of(kind);
        }
    }

    public record StrategyView(
            UUID id,
            String name,
            Strategy.Kind kind,
            String instrument,
            String timeframe,
            JsonNode params,
            Instant createdAt,
            Instant retiredAt) {
        /** {@code params} are stored as JSON text; unreadable text (never written by the service) shows as {}. */
        static StrategyView of(Strategy s, ObjectMapper mapper) {
            JsonNode params;
            try {
                params = mapper.readTree(s.params);
            } catch (JsonProcessingException e) {
                params = mapper.createObjectNode();
            }
            return new StrategyView(s.id, s.name, s.kind, s.instrument, s.timeframe, params, s.createdAt, s.retiredAt);
        }
    }
}
