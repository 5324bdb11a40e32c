-- When the signal was published in signal-service (SignalPublished.publishedAt), kept with the
-- signal and, for an auto-approved OPEN, with its command: the first hand-over of that command to
-- the terminal is timed against it (signaldesk.signal.to.ea, the signal -> EA latency SLO).
-- Null for rows written before this column, and for commands a trader approved by hand (their
-- latency is the trader's, not the pipeline's).
ALTER TABLE signals ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE commands ADD COLUMN signal_published_at TIMESTAMPTZ;
-- The guard-command age probe (signaldesk.guards.oldest.outstanding) looks for unacknowledged CLOSE and CLOSE_ALL.
CREATE INDEX commands_outstanding_close_idx ON commands (created_at)
    WHERE type IN ('CLOSE', 'CLOSE_ALL') AND status IN ('PENDING', 'LEASED');
