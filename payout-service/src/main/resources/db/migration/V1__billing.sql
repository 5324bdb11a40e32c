-- The premium tier of each user as Stripe last told us; no row means the free tier.
CREATE TABLE billing_accounts (
    user_id            UUID PRIMARY KEY,
    stripe_customer_id TEXT UNIQUE,
    tier               TEXT        NOT NULL DEFAULT 'FREE',
    status             TEXT        NOT NULL DEFAULT 'NONE',
    current_period_end TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Each Stripe event is applied once: its id is recorded with the effect.
CREATE TABLE stripe_events (
    event_id    TEXT PRIMARY KEY,
    type        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
