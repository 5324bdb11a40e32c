-- A terminal repeats its snapshot every few seconds, mostly unchanged. A snapshot whose content
-- (currency, balance, equity, positions) is that of the last published one is stored here but not
-- published again as AccountSnapshot, unless the last publication is older than
-- approval.snapshots.refresh or was taken before the device's latest acked fill; the terminals seen
-- that way are reported in batches (TerminalsSeen) for reconciliation's stale-terminal guard.
ALTER TABLE account_state ADD COLUMN content_sha256 TEXT;
-- takenAt of the newest published AccountSnapshot of the device
ALTER TABLE account_state ADD COLUMN published_at TIMESTAMPTZ;
-- executedAt of the newest FILLED ack: snapshots are published until one taken at or after it is
ALTER TABLE account_state ADD COLUMN fill_at TIMESTAMPTZ;
-- a snapshot since then was not published and is not yet reported as seen
ALTER TABLE account_state ADD COLUMN seen_due BOOLEAN NOT NULL DEFAULT false;
UPDATE account_state SET published_at = taken_at;
CREATE INDEX account_state_seen_due_idx ON account_state (device_id) WHERE seen_due;
