-- Billing through Stripe (docs/money.md "Billing"): the subscription each user holds, the payments
-- refunds are checked against, and what became of each Stripe event.

-- A billing account follows the user's Stripe subscription. state_at is the Stripe `created` time of
-- the subscription event last applied: an older one arriving late is ignored, never a regression.
ALTER TABLE billing_accounts
    ADD COLUMN stripe_subscription_id TEXT UNIQUE,
    ADD COLUMN cancel_at_period_end   BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN state_at               TIMESTAMPTZ,
    ADD CONSTRAINT billing_accounts_status_ck CHECK (status IN
        ('NONE', 'INCOMPLETE', 'INCOMPLETE_EXPIRED', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'UNPAID', 'PAUSED')),
    ADD CONSTRAINT billing_accounts_tier_ck CHECK (tier <> '');

-- Each Stripe event id once (its primary key): the row commits with the event's effect; the outcome
-- says whether it had one.
ALTER TABLE stripe_events
    ADD COLUMN stripe_created TIMESTAMPTZ,
    ADD COLUMN outcome        TEXT NOT NULL DEFAULT 'APPLIED',
    ADD CONSTRAINT stripe_events_outcome_ck CHECK (outcome IN ('APPLIED', 'IGNORED'));

-- One row per paid Stripe invoice: what refunds and disputes are checked against.
CREATE TABLE payments (
    invoice_id  TEXT PRIMARY KEY,
    payment_id  UUID           NOT NULL UNIQUE,
    charge_id   TEXT UNIQUE,
    user_id     UUID           NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency    CHAR(3)        NOT NULL,
    refunded    NUMERIC(19, 4) NOT NULL DEFAULT 0,
    paid_at     TIMESTAMPTZ    NOT NULL,
    tier        TEXT           NOT NULL,
    fingerprint TEXT,
    CONSTRAINT payments_refunded_ck CHECK (refunded >= 0 AND refunded <= amount)
);
CREATE INDEX payments_user_idx ON payments (user_id, paid_at);

-- Money given back on a payment: one row per Stripe refund or dispute id (announced once).
-- amount is what was announced (clamped to what was left of the payment); requested what Stripe said.
CREATE TABLE payment_refunds (
    refund_id  TEXT PRIMARY KEY,
    invoice_id TEXT           NOT NULL REFERENCES payments (invoice_id),
    reason     TEXT           NOT NULL CHECK (reason IN ('REFUND', 'DISPUTE')),
    requested  NUMERIC(19, 4) NOT NULL CHECK (requested >= 0),
    amount     NUMERIC(19, 4) NOT NULL CHECK (amount >= 0 AND amount <= requested),
    created_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payment_refunds_invoice_idx ON payment_refunds (invoice_id);
