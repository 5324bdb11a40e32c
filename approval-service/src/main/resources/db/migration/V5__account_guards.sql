-- Guards of a device's account, from guards.v1 (reconciliation-service): one row per guard kind that
-- has tripped and not been cleared, at the strongest stage it reached. WARN is kept for display only;
-- BLOCK and CLOSE_ALL refuse approvals on the device. GuardCleared deletes the kind's row.
CREATE TABLE account_guards (
    device_id      UUID           NOT NULL REFERENCES devices (id),
    guard_kind     TEXT           NOT NULL CHECK (guard_kind IN ('DRAWDOWN', 'DAILY_LOSS')),
    stage          TEXT           NOT NULL CHECK (stage IN ('WARN', 'BLOCK', 'CLOSE_ALL')),
    guard_event_id UUID           NOT NULL,       -- the GuardTriggered that set this stage
    since          TIMESTAMPTZ    NOT NULL,       -- when the guard reached this stage
    limit_value    NUMERIC(19, 4) NOT NULL,       -- the stage's threshold (percent or account currency)
    observed       NUMERIC(19, 4) NOT NULL,       -- the value that crossed it
    PRIMARY KEY (device_id, guard_kind)
);

-- Commands approval-service queues by itself (guards.v1) are outstanding at most once: one CLOSE_ALL
-- per device, one CLOSE per device and ticket, while PENDING or LEASED. A second request meanwhile
-- inserts nothing (INSERT ... ON CONFLICT DO NOTHING); once the command is acknowledged a new one may
-- be queued.
CREATE UNIQUE INDEX commands_close_all_outstanding_uq ON commands (device_id)
    WHERE type = 'CLOSE_ALL' AND status IN ('PENDING', 'LEASED');
CREATE UNIQUE INDEX commands_close_outstanding_uq ON commands (device_id, ticket)
    WHERE type = 'CLOSE' AND status IN ('PENDING', 'LEASED');
ALTER TABLE commands ADD CONSTRAINT commands_close_ticket_check CHECK (type <> 'CLOSE' OR ticket IS NOT NULL);
