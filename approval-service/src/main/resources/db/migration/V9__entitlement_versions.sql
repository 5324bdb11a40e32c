-- billing.v1 SubscriptionChanged carries a per-user version (payout-service increments it with each
-- subscription state it applies): the highest version wins, so two changes in the same second are
-- ordered. version 0 = an unversioned event, ordered by changed_at as before and never over a versioned one.
ALTER TABLE user_entitlements ADD COLUMN version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0);
