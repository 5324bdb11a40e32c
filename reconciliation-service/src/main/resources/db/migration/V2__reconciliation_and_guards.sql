-- Reconciliation of what we expect an account to hold (from fills.v1) with what its broker reports
-- (account-snapshots.v1), and the guards evaluated on each snapshot. An account is a device: its
-- broker account on its server.

-- The shell's table, never written.
DROP TABLE divergences;

CREATE TABLE accounts (
    device_id              UUID PRIMARY KEY,
    user_id                UUID          NOT NULL,
    account_id             TEXT          NOT NULL,
    currency               TEXT,
    balance                NUMERIC(19, 4),
    equity                 NUMERIC(19, 4),
    equity_peak            NUMERIC(19, 4),
    -- the guard time zone's date of the day that day_start_* belong to
    day                    DATE,
    day_start_equity       NUMERIC(19, 4),
    day_start_balance      NUMERIC(19, 4),
    last_snapshot_id       UUID,
    -- takenAt of the newest applied snapshot: an older one arriving later is ignored
    last_snapshot_at       TIMESTAMPTZ,
    -- a CLOSE_ALL was asked for: positions the broker no longer reports after this were closed by it
    close_all_requested_at TIMESTAMPTZ,
    created_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX accounts_user_idx ON accounts (user_id);

-- Every fill of a position, and the synthetic ones of adoption and CLOSE_ALL. The expected
-- positions at a time T are the tickets whose fills up to T leave volume open: the same answer
-- whatever order fills and snapshots arrive in.
CREATE TABLE position_fills (
    fill_id     UUID PRIMARY KEY,
    device_id   UUID           NOT NULL REFERENCES accounts (device_id),
    ticket      BIGINT         NOT NULL,
    action      TEXT           NOT NULL CHECK (action IN ('OPEN', 'CLOSE')),
    source      TEXT           NOT NULL CHECK (source IN ('FILL', 'ADOPTED', 'CLOSE_ALL')),
    command_id  UUID,
    instrument  TEXT,
    side        TEXT CHECK (side IN ('BUY', 'SELL')),
    volume      NUMERIC(19, 2),
    price       NUMERIC(19, 10),
    executed_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX position_fills_device_time_idx ON position_fills (device_id, executed_at);

-- The positions of the newest applied snapshot.
CREATE TABLE reported_positions (
    id         UUID PRIMARY KEY,
    device_id  UUID           NOT NULL REFERENCES accounts (device_id),
    ticket     BIGINT         NOT NULL,
    instrument TEXT           NOT NULL,
    side       TEXT           NOT NULL CHECK (side IN ('BUY', 'SELL')),
    volume     NUMERIC(19, 2) NOT NULL,
    open_price NUMERIC(19, 10) NOT NULL,
    profit     NUMERIC(19, 4),
    UNIQUE (device_id, ticket)
);

CREATE TABLE divergences (
    id                 UUID PRIMARY KEY,
    user_id            UUID        NOT NULL,
    device_id          UUID        NOT NULL REFERENCES accounts (device_id),
    account_id         TEXT        NOT NULL,
    type               TEXT        NOT NULL CHECK (type IN ('MISSING_AT_BROKER', 'UNEXPECTED_AT_BROKER',
                                                            'VOLUME_MISMATCH', 'PRICE_MISMATCH')),
    ticket             BIGINT      NOT NULL,
    details            TEXT        NOT NULL,
    detected_at        TIMESTAMPTZ NOT NULL,
    close_requested_at TIMESTAMPTZ,
    resolved_at        TIMESTAMPTZ,
    resolution         TEXT CHECK (resolution IN ('RECONCILED', 'ADOPTED', 'CLOSED')),
    CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
-- one open divergence of a kind per ticket: a divergence seen again is the same one
CREATE UNIQUE INDEX divergences_open_uq ON divergences (device_id, type, ticket) WHERE resolved_at IS NULL;
CREATE INDEX divergences_user_open_idx ON divergences (user_id) WHERE resolved_at IS NULL;

-- What happened, for the trader: each divergence detected and resolved, each adoption and close.
CREATE TABLE reconciliation_log (
    id            UUID PRIMARY KEY,
    user_id       UUID        NOT NULL,
    device_id     UUID        NOT NULL,
    account_id    TEXT        NOT NULL,
    type          TEXT        NOT NULL CHECK (type IN ('MISSING_AT_BROKER', 'UNEXPECTED_AT_BROKER',
                                                       'VOLUME_MISMATCH', 'PRICE_MISMATCH')),
    event         TEXT        NOT NULL CHECK (event IN ('DETECTED', 'RESOLVED', 'ADOPTED', 'CLOSE_REQUESTED')),
    divergence_id UUID        NOT NULL,
    ticket        BIGINT      NOT NULL,
    details       TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX reconciliation_log_user_at_idx ON reconciliation_log (user_id, at DESC, id);
CREATE INDEX reconciliation_log_user_type_at_idx ON reconciliation_log (user_id, type, at DESC, id);

CREATE TABLE guard_configs (
    device_id        UUID PRIMARY KEY REFERENCES accounts (device_id),
    user_id          UUID           NOT NULL,
    time_zone        TEXT           NOT NULL,
    drawdown_warn    NUMERIC(5, 2),
    drawdown_block   NUMERIC(5, 2),
    drawdown_close   NUMERIC(5, 2),
    daily_loss_warn  NUMERIC(19, 4),
    daily_loss_block NUMERIC(19, 4),
    daily_loss_close NUMERIC(19, 4),
    updated_at       TIMESTAMPTZ    NOT NULL
);

-- The stage each guard of an account has reached (no row: normal).
CREATE TABLE guard_states (
    id          UUID PRIMARY KEY,
    device_id   UUID           NOT NULL REFERENCES accounts (device_id),
    kind        TEXT           NOT NULL CHECK (kind IN ('DRAWDOWN', 'DAILY_LOSS')),
    stage       TEXT           NOT NULL CHECK (stage IN ('WARN', 'BLOCK', 'CLOSE_ALL')),
    limit_value NUMERIC(19, 4) NOT NULL,
    observed    NUMERIC(19, 4) NOT NULL,
    since       TIMESTAMPTZ    NOT NULL,
    UNIQUE (device_id, kind)
);

-- The guards' audit trail: every stage reached and every clearing, with who cleared it.
CREATE TABLE guard_events (
    id        UUID PRIMARY KEY,
    user_id   UUID           NOT NULL,
    device_id UUID           NOT NULL,
    kind      TEXT           NOT NULL CHECK (kind IN ('DRAWDOWN', 'DAILY_LOSS')),
    event     TEXT           NOT NULL CHECK (event IN ('TRIGGERED', 'CLEARED')),
    stage     TEXT CHECK (stage IN ('WARN', 'BLOCK', 'CLOSE_ALL')),
    observed  NUMERIC(19, 4),
    actor     TEXT           NOT NULL,
    at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX guard_events_device_at_idx ON guard_events (device_id, at DESC);

-- One counter per trader, raised in every transaction that changes what their status endpoints
-- show; the Redis cache serves an entry only while it carries the current number.
CREATE TABLE user_versions (
    user_id UUID PRIMARY KEY,
    version BIGINT NOT NULL
);
