-- Closed OHLC bars per market (instrument, timeframe), shared by every strategy trading that market.
-- open_time is the bar's open, aligned to the timeframe in UTC. A stored bar never changes.
CREATE TABLE candles (
    instrument  TEXT            NOT NULL,
    timeframe   TEXT            NOT NULL,
    open_time   TIMESTAMPTZ     NOT NULL,
    open        NUMERIC(19, 10) NOT NULL CHECK (open > 0),
    high        NUMERIC(19, 10) NOT NULL,
    low         NUMERIC(19, 10) NOT NULL CHECK (low > 0),
    close       NUMERIC(19, 10) NOT NULL CHECK (close > 0),
    volume      NUMERIC(24, 6)  NOT NULL CHECK (volume >= 0),
    source      TEXT            NOT NULL,
    received_at TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (instrument, timeframe, open_time),
    CHECK (low <= open AND low <= close AND high >= open AND high >= close)
);

-- Signals of the built-in engine name the bar they were decided on; one decision per strategy and bar,
-- however often the bar is delivered (REST retry, feed redelivery, two feeds).
ALTER TABLE signals ADD COLUMN candle_time TIMESTAMPTZ;
CREATE UNIQUE INDEX signals_strategy_candle_key ON signals (strategy_id, candle_time) WHERE candle_time IS NOT NULL;
-- engine strategies by market
CREATE INDEX strategies_market_idx ON strategies (instrument, timeframe) WHERE kind = 'FIB_RSI';
