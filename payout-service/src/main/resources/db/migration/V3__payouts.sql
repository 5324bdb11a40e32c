-- Affiliate payouts (docs/money.md "Payouts"): Connect accounts, the payable balance as immutable
-- entries plus a stored sum, and payouts whose state only moves forward.

-- One Stripe Express account per affiliate. The row is claimed before Stripe is called, so two
-- concurrent onboardings agree on one account (the Stripe call carries an idempotency key derived
-- from the affiliate id, so both get the same account back).
CREATE TABLE connect_accounts (
    affiliate_id      UUID PRIMARY KEY,
    stripe_account_id TEXT UNIQUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every movement of a payable balance, never edited: RELEASED (+, one per commissions entry id),
-- REVERSED (-, one per commissions entry id), PAID (-, one per payout id).
CREATE TABLE earnings_entries (
    id           UUID PRIMARY KEY,
    affiliate_id UUID          NOT NULL,
    kind         TEXT          NOT NULL CHECK (kind IN ('RELEASED', 'REVERSED', 'PAID')),
    source_id    UUID          NOT NULL,
    currency     TEXT          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount       NUMERIC(19,4) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT earnings_entries_once UNIQUE (kind, source_id),
    CONSTRAINT earnings_entries_sign CHECK ((kind = 'RELEASED' AND amount > 0) OR (kind <> 'RELEASED' AND amount < 0))
);
CREATE INDEX earnings_entries_by_affiliate ON earnings_entries (affiliate_id, currency);

CREATE FUNCTION earnings_entries_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'earnings entries are immutable (write a new entry instead)';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER earnings_entries_immutable BEFORE UPDATE OR DELETE ON earnings_entries
    FOR EACH ROW EXECUTE FUNCTION earnings_entries_immutable();

-- The sum of an affiliate's entries per currency (released - reversed - paid), updated in the
-- entry's transaction; may be negative (a clawback after payment is carried to later earnings).
CREATE TABLE earnings_balances (
    affiliate_id UUID          NOT NULL,
    currency     TEXT          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payable      NUMERIC(19,4) NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (affiliate_id, currency)
);

CREATE TABLE payouts (
    id                 UUID PRIMARY KEY,
    affiliate_id       UUID          NOT NULL,
    currency           TEXT          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount             NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    destination        TEXT          NOT NULL,
    state              TEXT          NOT NULL CHECK (state IN ('REQUESTED', 'SUBMITTED', 'PAID', 'FAILED')),
    attempts           INT           NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    stripe_transfer_id TEXT UNIQUE,
    failure_reason     TEXT,
    last_error         TEXT,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    submitted_at       TIMESTAMPTZ,
    paid_at            TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT payouts_paid_has_transfer CHECK ((state = 'PAID') = (stripe_transfer_id IS NOT NULL AND paid_at IS NOT NULL)),
    CONSTRAINT payouts_failed_has_reason CHECK ((state = 'FAILED') = (failure_reason IS NOT NULL AND failed_at IS NOT NULL))
);
-- At most one open payout per affiliate and currency: two runs at once cannot reserve the same money twice.
CREATE UNIQUE INDEX payouts_one_open ON payouts (affiliate_id, currency) WHERE state IN ('REQUESTED', 'SUBMITTED');
CREATE INDEX payouts_due ON payouts (next_attempt_at) WHERE state IN ('REQUESTED', 'SUBMITTED');
CREATE INDEX payouts_by_affiliate ON payouts (affiliate_id, created_at DESC);

-- States only move forward (REQUESTED -> SUBMITTED -> PAID | FAILED) and what is paid never changes.
CREATE FUNCTION payouts_forward_only() RETURNS trigger AS $$
DECLARE
    rank_old INT := CASE OLD.state WHEN 'REQUESTED' THEN 0 WHEN 'SUBMITTED' THEN 1 ELSE 2 END;
    rank_new INT := CASE NEW.state WHEN 'REQUESTED' THEN 0 WHEN 'SUBMITTED' THEN 1 ELSE 2 END;
BEGIN
    IF rank_new < rank_old OR (rank_old = 2 AND NEW.state <> OLD.state) THEN
        RAISE EXCEPTION 'payout % cannot go from % to %', OLD.id, OLD.state, NEW.state;
    END IF;
    IF NEW.amount <> OLD.amount OR NEW.currency <> OLD.currency OR NEW.affiliate_id <> OLD.affiliate_id
            OR NEW.destination <> OLD.destination THEN
        RAISE EXCEPTION 'payout % cannot change what it pays', OLD.id;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER payouts_forward_only BEFORE UPDATE ON payouts
    FOR EACH ROW EXECUTE FUNCTION payouts_forward_only();
CREATE FUNCTION payouts_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'payouts are never deleted';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER payouts_kept BEFORE DELETE ON payouts FOR EACH ROW EXECUTE FUNCTION payouts_kept();
