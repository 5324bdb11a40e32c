-- Subscriptions: which trader follows which strategy, how a trade is sized, and whether it is auto-approved.
CREATE TABLE subscriptions (
    id                      UUID PRIMARY KEY,
    user_id                 UUID          NOT NULL,
    strategy_id             TEXT          NOT NULL,
    device_id               UUID,
    sizing_mode             TEXT          NOT NULL CHECK (sizing_mode IN ('FIXED', 'RISK_PERCENT')),
    fixed_volume            NUMERIC(12, 2),
    risk_percent            NUMERIC(5, 2),
    max_volume              NUMERIC(12, 2) NOT NULL,
    auto_approve            BOOLEAN       NOT NULL DEFAULT FALSE,
    auto_approve_max_volume NUMERIC(12, 2),
    created_at              TIMESTAMPTZ   NOT NULL,
    cancelled_at            TIMESTAMPTZ
);
CREATE UNIQUE INDEX subscriptions_active_uq ON subscriptions (user_id, strategy_id) WHERE cancelled_at IS NULL;
CREATE INDEX subscriptions_strategy_idx ON subscriptions (strategy_id);

-- Signals as approval-service learnt them from signals.v1.
CREATE TABLE signals (
    signal_id   UUID PRIMARY KEY,
    strategy_id TEXT           NOT NULL,
    instrument  TEXT           NOT NULL,
    side        TEXT           NOT NULL,
    entry       NUMERIC(19, 10) NOT NULL,
    stop_loss   NUMERIC(19, 10) NOT NULL,
    take_profit NUMERIC(19, 10) NOT NULL,
    expires_at  TIMESTAMPTZ    NOT NULL,
    rationale   TEXT,
    received_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- EA devices: HMAC secrets sealed with AES-GCM (signaldesk.secrets.key); the previous secret stays
-- valid until previous_valid_until after a rotation.
CREATE TABLE devices (
    id                     UUID PRIMARY KEY,
    user_id                UUID        NOT NULL,
    name                   TEXT        NOT NULL,
    broker_account         TEXT        NOT NULL,
    broker_server          TEXT        NOT NULL,
    secret_sealed          TEXT        NOT NULL,
    previous_secret_sealed TEXT,
    previous_valid_until   TIMESTAMPTZ,
    revoked_at             TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    last_seen_at           TIMESTAMPTZ
);
CREATE INDEX devices_user_idx ON devices (user_id);
CREATE UNIQUE INDEX devices_broker_account_uq ON devices (broker_server, broker_account) WHERE revoked_at IS NULL;

-- One approval per (signal, trader).
CREATE TABLE approvals (
    id              UUID PRIMARY KEY,
    signal_id       UUID           NOT NULL REFERENCES signals (signal_id),
    user_id         UUID           NOT NULL,
    subscription_id UUID           NOT NULL REFERENCES subscriptions (id),
    status          TEXT           NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    volume          NUMERIC(12, 2) NOT NULL,
    expires_at      TIMESTAMPTZ    NOT NULL,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ    NOT NULL,
    UNIQUE (signal_id, user_id)
);
CREATE INDEX approvals_user_status_idx ON approvals (user_id, status, created_at DESC);
CREATE INDEX approvals_pending_expiry_idx ON approvals (expires_at) WHERE status = 'PENDING';

-- Audit trail: every decision with who, when and why. Never updated.
CREATE TABLE approval_history (
    id          UUID PRIMARY KEY,
    approval_id UUID        NOT NULL REFERENCES approvals (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT,
    volume      NUMERIC(12, 2),
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX approval_history_approval_idx ON approval_history (approval_id, at);

-- Commands for a device's EA. Leased on poll; redelivered when the lease runs out unacked.
CREATE TABLE commands (
    id              UUID PRIMARY KEY,
    device_id       UUID           NOT NULL REFERENCES devices (id),
    user_id         UUID           NOT NULL,
    approval_id     UUID UNIQUE REFERENCES approvals (id),
    type            TEXT           NOT NULL CHECK (type IN ('OPEN', 'CLOSE', 'CLOSE_ALL')),
    instrument      TEXT,
    side            TEXT,
    volume          NUMERIC(12, 2),
    entry           NUMERIC(19, 10),                 -- the signal's entry, for the EA's slippage check
    stop_loss       NUMERIC(19, 10),
    take_profit     NUMERIC(19, 10),
    ticket          BIGINT,
    status          TEXT           NOT NULL CHECK (status IN ('PENDING', 'LEASED', 'FILLED', 'REJECTED', 'FAILED')),
    lease_until     TIMESTAMPTZ,
    delivery_count  INT            NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ    NOT NULL,
    acked_at        TIMESTAMPTZ,
    ack_ticket      BIGINT,
    ack_price       NUMERIC(19, 10),
    ack_volume      NUMERIC(12, 2),
    ack_executed_at TIMESTAMPTZ,
    ack_error       TEXT,
    ack_fingerprint TEXT
);
CREATE INDEX commands_due_idx ON commands (device_id, created_at) WHERE status IN ('PENDING', 'LEASED');

-- Latest account state per device, from EA snapshots (used for risk-% sizing).
CREATE TABLE account_state (
    device_id UUID PRIMARY KEY REFERENCES devices (id),
    currency  TEXT           NOT NULL,
    balance   NUMERIC(19, 4) NOT NULL,
    equity    NUMERIC(19, 4) NOT NULL,
    taken_at  TIMESTAMPTZ    NOT NULL
);
