-- Each subscription state applied to an account increments its version (in the same transaction);
-- billing.v1 SubscriptionChanged carries it so consumers keep the highest (docs/events.md).
ALTER TABLE billing_accounts ADD COLUMN version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0);
