-- Strategy names are unique regardless of case ("Gold Scalper" and "gold scalper" are one name).
CREATE UNIQUE INDEX strategies_name_lower_idx ON strategies (lower(name));

-- Outside signal producers (scripts, TradingView alerts), each bound to one strategy.
-- The HMAC secret is stored sealed (AES-GCM, SecretBox): the server needs it to verify signatures.
-- During a rotation the previous secret stays valid until previous_secret_expires_at.
-- The TradingView webhook token is only stored as its SHA-256 (hex).
CREATE TABLE producers (
    id                         UUID PRIMARY KEY,
    name                       TEXT        NOT NULL,
    strategy_id                UUID        NOT NULL REFERENCES strategies (id),
    secret_sealed              TEXT        NOT NULL,
    previous_secret_sealed     TEXT,
    previous_secret_expires_at TIMESTAMPTZ,
    tradingview_token_hash     TEXT        NOT NULL UNIQUE,
    created_by                 UUID        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    rotated_at                 TIMESTAMPTZ,
    revoked_at                 TIMESTAMPTZ
);
CREATE INDEX producers_strategy_idx ON producers (strategy_id);
