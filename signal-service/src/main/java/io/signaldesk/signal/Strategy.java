package io.signaldesk.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A strategy: what signals are about (one instrument, one timeframe) and who may publish them. */
@Entity
@Table(name = "strategies")
public class Strategy {
    /** Who decides a strategy's signals; stored by name (TEXT column {@code kind}). */
    public enum Kind {
        /** The built-in Fib-RSI engine, fed with candles. */
        FIB_RSI,
        /** Outside producers (signed requests, TradingView alerts). */
        EXTERNAL;

        /**
         * The names as a regular expression, for request validation: an annotation needs a constant,
         * and {@code StrategyKindTest} checks that it lists exactly the constants above.
         */
        public static final String PATTERN = "FIB_RSI|EXTERNAL";

        /** The kind of this name, or null when there is none (the caller reports it). */
        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.name().equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    public static final Map<String, Duration> TIMEFRAMES = Map.of(
            "M1",
            Duration.ofMinutes(1),
            "M5",
            Duration.ofMinutes(5),
            "M15",
            Duration.ofMinutes(15),
            "M30",
            Duration.ofMinutes(30),
            "H1",
            Duration.ofHours(1),
            "H4",
            Duration.ofHours(4),
            "D1",
            Duration.ofDays(1));
    /** Symbols as brokers spell them: EURUSD, XAUUSD, US30. */
    public static final String INSTRUMENT_PATTERN = "[A-Z0-9]{3,12}";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String instrument;

    @Column(nullable = false)
    public String timeframe;

    /** Engine parameters, a JSON object stored as text (at most 4 KiB). */
    @Column(nullable = false)
    public String params;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set once, when an admin retires the strategy: no signals after it. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }
}
