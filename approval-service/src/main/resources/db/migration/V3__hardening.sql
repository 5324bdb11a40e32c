-- A broker account is registered once per trader, not once across all traders: nobody can lock a
-- trader out of their own account by registering its number first.
DROP INDEX devices_broker_account_uq;
CREATE UNIQUE INDEX devices_user_broker_account_uq ON devices (user_id, broker_server, broker_account) WHERE revoked_at IS NULL;

-- An OPEN command is worth executing only while its signal is: not delivered after expires_at
-- (the signal's expiry plus approval.open-command-grace), and marked EXPIRED by the sweep.
-- CLOSE and CLOSE_ALL have no expiry.
ALTER TABLE commands ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE commands c SET expires_at = s.expires_at
FROM approvals a JOIN signals s ON s.signal_id = a.signal_id
WHERE c.approval_id = a.id AND c.type = 'OPEN';
ALTER TABLE commands DROP CONSTRAINT commands_status_check;
ALTER TABLE commands ADD CONSTRAINT commands_status_check
    CHECK (status IN ('PENDING', 'LEASED', 'FILLED', 'REJECTED', 'FAILED', 'EXPIRED'));
ALTER TABLE commands ADD CONSTRAINT commands_open_expires_check CHECK (type <> 'OPEN' OR expires_at IS NOT NULL);
CREATE INDEX commands_open_expiry_idx ON commands (expires_at) WHERE status IN ('PENDING', 'LEASED') AND type = 'OPEN';

-- Strategies as signal-service publishes them on strategies.v1: subscriptions need a live one.
CREATE TABLE strategies (
    strategy_id TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    instrument  TEXT        NOT NULL,
    timeframe   TEXT        NOT NULL,
    retired_at  TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ NOT NULL
);
