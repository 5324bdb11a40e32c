-- When the account's current trading day ends, fixed when the day begins (midnight in the zone the
-- guards were configured with then): a later change of time zone moves the next day, never this one.
ALTER TABLE accounts ADD COLUMN day_ends_at TIMESTAMPTZ;
