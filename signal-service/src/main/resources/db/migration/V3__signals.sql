-- Trade signals, from outside producers (signed requests, TradingView alerts) and, later, the engine.
CREATE TABLE signals (
    id               UUID PRIMARY KEY,
    strategy_id      UUID           NOT NULL REFERENCES strategies (id),
    producer_id      UUID REFERENCES producers (id),
    client_signal_id TEXT,
    instrument       TEXT           NOT NULL,
    side             TEXT           NOT NULL CHECK (side IN ('BUY', 'SELL')),
    entry            NUMERIC(19, 10) NOT NULL CHECK (entry > 0),
    stop_loss        NUMERIC(19, 10) NOT NULL CHECK (stop_loss > 0),
    take_profit      NUMERIC(19, 10) NOT NULL CHECK (take_profit > 0),
    expires_at       TIMESTAMPTZ    NOT NULL,
    rationale        TEXT,
    source           TEXT           NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    -- a producer's own id makes its retries idempotent (NULLs never collide)
    CONSTRAINT signals_producer_client_id_key UNIQUE (producer_id, client_signal_id)
);

-- The list endpoint: newest first, optionally by strategy and instrument.
CREATE INDEX signals_created_idx ON signals (created_at DESC, id DESC);
CREATE INDEX signals_strategy_created_idx ON signals (strategy_id, created_at DESC);
CREATE INDEX signals_instrument_created_idx ON signals (instrument, created_at DESC);
