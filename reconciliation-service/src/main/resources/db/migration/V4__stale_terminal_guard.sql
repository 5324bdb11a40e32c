-- A third guard: no snapshot from the terminal for too long (WARN, then BLOCK; cleared by its next snapshot).
ALTER TABLE guard_configs ADD COLUMN stale_warn_seconds INTEGER CHECK (stale_warn_seconds > 0);
ALTER TABLE guard_configs ADD COLUMN stale_block_seconds INTEGER CHECK (stale_block_seconds > 0);
ALTER TABLE guard_states DROP CONSTRAINT guard_states_kind_check;
ALTER TABLE guard_states ADD CONSTRAINT guard_states_kind_check CHECK (kind IN ('DRAWDOWN', 'DAILY_LOSS', 'STALE_TERMINAL'));
ALTER TABLE guard_events DROP CONSTRAINT guard_events_kind_check;
ALTER TABLE guard_events ADD CONSTRAINT guard_events_kind_check CHECK (kind IN ('DRAWDOWN', 'DAILY_LOSS', 'STALE_TERMINAL'));
CREATE INDEX accounts_last_snapshot_idx ON accounts (last_snapshot_at);
