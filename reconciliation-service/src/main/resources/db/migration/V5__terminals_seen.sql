-- approval-service publishes a terminal's snapshot only when its content changed (or once a minute);
-- the repeats in between are reported in batches (TerminalsSeen): the newest time the terminal was
-- seen reporting that same state. The stale-terminal guard counts from the later of the two.
ALTER TABLE accounts ADD COLUMN last_seen_at TIMESTAMPTZ;
DROP INDEX accounts_last_snapshot_idx;
CREATE INDEX accounts_last_reported_idx ON accounts (greatest(last_snapshot_at, last_seen_at));
