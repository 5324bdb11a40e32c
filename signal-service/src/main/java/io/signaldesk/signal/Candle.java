package io.signaldesk.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A closed OHLC bar of one market. Prices are NUMERIC(19,10), never doubles. */
@Entity
@Table(name = "candles")
public class Candle {
    @EmbeddedId
    public Key id;

    @Column(nullable = false, precision = 19, scale = 10)
    public BigDecimal open;

    @Column(nullable = false, precision = 19, scale = 10)
    public BigDecimal high;

    @Column(nullable = false, precision = 19, scale = 10)
    public BigDecimal low;

    @Column(nullable = false, precision = 19, scale = 10)
    public BigDecimal close;

    @Column(nullable = false, precision = 24, scale = 6)
    public BigDecimal volume;

    /** {@code api:<user id>} or {@code feed:<CloudEvent source>}. */
    @Column(nullable = false)
    public String source;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Market and bar open time. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String instrument;

        @Column(nullable = false)
        public String timeframe;

        @Column(name = "open_time", nullable = false)
        public Instant openTime;

        public Key() {}

        public Key(String instrument, String timeframe, Instant openTime) {
            this.instrument = instrument;
            this.timeframe = timeframe;
            this.openTime = openTime;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && instrument.equals(k.instrument)
                    && timeframe.equals(k.timeframe)
                    && openTime.equals(k.openTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instrument, timeframe, openTime);
        }
    }
}
