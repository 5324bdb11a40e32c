-- Each running approval-service process is a lease holder: it registers here at start, refreshes
-- seen_at every approval.lease-holder.heartbeat and deletes its row when it stops. A command leased by
-- a holder that is gone (no row, or not seen for approval.lease-holder.timeout) is due again for the
-- device's next poll at once instead of when its lease runs out: a poll answer that died with its
-- process is delivered again within seconds (docs/ea-protocol.md "Leases").
CREATE TABLE lease_holders (
    id         INTEGER PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the holder that leased the command (NULL for leases taken before this migration: they run out as before)
ALTER TABLE commands ADD COLUMN leased_by INTEGER;
