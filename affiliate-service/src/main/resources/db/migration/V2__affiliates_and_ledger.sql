-- Affiliates, clicks, referrals, commissions, fraud cases and the earnings ledger (issue 10).
-- docs/money.md "Affiliate commissions and the earnings ledger" explains every rule here.

CREATE TABLE affiliates (
    user_id       UUID PRIMARY KEY,
    referral_code TEXT        NOT NULL UNIQUE CHECK (referral_code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$'),
    created_at    TIMESTAMPTZ NOT NULL
);

-- A click on /r/{code}: IP and user agent are peppered hashes, never raw.
CREATE TABLE clicks (
    id           UUID PRIMARY KEY,
    affiliate_id UUID        NOT NULL REFERENCES affiliates (user_id),
    ip_hash      TEXT        NOT NULL,
    ua_hash      TEXT        NOT NULL,
    clicked_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX clicks_affiliate_idx ON clicks (affiliate_id, clicked_at);

-- A user who signed up with an affiliate's code (never the affiliate themself).
CREATE TABLE referrals (
    referred_user_id   UUID PRIMARY KEY,
    affiliate_id       UUID        NOT NULL REFERENCES affiliates (user_id),
    signup_fingerprint TEXT        NOT NULL,
    ip_hash            TEXT        NOT NULL,
    referred_at        TIMESTAMPTZ NOT NULL,
    first_paid_at      TIMESTAMPTZ,
    CHECK (referred_user_id <> affiliate_id)
);
CREATE INDEX referrals_affiliate_idx ON referrals (affiliate_id);

-- Card fingerprints each user paid with (the self-referral check compares them).
CREATE TABLE payment_fingerprints (
    user_id     UUID NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (user_id, fingerprint)
);
CREATE INDEX payment_fingerprints_fp_idx ON payment_fingerprints (fingerprint);

CREATE TABLE fraud_cases (
    id           UUID PRIMARY KEY,
    affiliate_id UUID        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('SELF_REFERRAL', 'WASH_TRADE', 'REFUND_RATE')),
    status       TEXT        NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED')),
    detail       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    resolved_by  UUID,
    resolved_at  TIMESTAMPTZ,
    note         TEXT,
    CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
    CHECK ((status = 'OPEN') = (resolved_by IS NULL))
);
CREATE INDEX fraud_cases_status_idx ON fraud_cases (status, created_at);

-- The referred users a case is about (both accounts of a wash trade pair).
CREATE TABLE fraud_case_users (
    case_id          UUID NOT NULL REFERENCES fraud_cases (id),
    referred_user_id UUID NOT NULL,
    PRIMARY KEY (case_id, referred_user_id)
);
CREATE INDEX fraud_case_users_user_idx ON fraud_case_users (referred_user_id);

CREATE TABLE commissions (
    id               UUID PRIMARY KEY,
    payment_id       UUID          NOT NULL UNIQUE,
    affiliate_id     UUID          NOT NULL REFERENCES affiliates (user_id),
    referred_user_id UUID          NOT NULL REFERENCES referrals (referred_user_id),
    currency         CHAR(3)       NOT NULL,
    payment_amount   NUMERIC(19, 4) NOT NULL CHECK (payment_amount > 0),
    rate             NUMERIC(7, 6) NOT NULL CHECK (rate > 0 AND rate <= 1),
    amount           NUMERIC(19, 4) NOT NULL CHECK (amount > 0 AND amount <= payment_amount),
    refunded         NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    clawed_back      NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (clawed_back >= 0 AND clawed_back <= amount),
    status           TEXT          NOT NULL CHECK (status IN ('PENDING', 'ON_HOLD', 'RELEASED', 'REJECTED')),
    fraud_case_id    UUID REFERENCES fraud_cases (id),
    paid_at          TIMESTAMPTZ   NOT NULL,
    hold_until       TIMESTAMPTZ   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    released_at      TIMESTAMPTZ,
    CHECK ((status = 'ON_HOLD') <= (fraud_case_id IS NOT NULL))
);
CREATE INDEX commissions_due_idx ON commissions (hold_until) WHERE status = 'PENDING';
CREATE INDEX commissions_affiliate_idx ON commissions (affiliate_id, created_at);
CREATE INDEX commissions_user_idx ON commissions (referred_user_id);

-- Each Stripe refund or dispute once (by its id).
CREATE TABLE refunds (
    refund_id   TEXT PRIMARY KEY,
    payment_id  UUID          NOT NULL,
    reason      TEXT          NOT NULL,
    currency    CHAR(3)       NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    refunded_at TIMESTAMPTZ   NOT NULL
);

-- payouts.v1 as seen here: each outcome of a payout once.
CREATE TABLE payout_outcomes (
    payout_id    UUID          NOT NULL,
    outcome      TEXT          NOT NULL CHECK (outcome IN ('PAID', 'FAILED')),
    affiliate_id UUID          NOT NULL,
    currency     CHAR(3)       NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    detail       TEXT,
    at           TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (payout_id, outcome)
);

-- Open fills of referred users, for the wash trade check.
CREATE TABLE referred_fills (
    fill_id      UUID PRIMARY KEY,
    user_id      UUID          NOT NULL,
    affiliate_id UUID          NOT NULL,
    instrument   TEXT          NOT NULL,
    side         TEXT          NOT NULL CHECK (side IN ('BUY', 'SELL')),
    volume       NUMERIC(19, 8) NOT NULL CHECK (volume > 0),
    executed_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX referred_fills_match_idx ON referred_fills (affiliate_id, instrument, executed_at);

-- ---------------------------------------------------------------------------------------------
-- The earnings ledger: a double-entry journal. An account is (owner, kind, currency); the owner of
-- EXPENSE is the platform (the nil UUID). Balances are signed on the account's normal side
-- (EXPENSE and CLAWBACK are debit-normal, the others credit-normal) and stored, updated in the
-- transaction of the entry; LedgerCheck recomputes them from the postings.
CREATE TABLE ledger_accounts (
    owner_id UUID          NOT NULL,
    kind     TEXT          NOT NULL CHECK (kind IN ('PENDING', 'AVAILABLE', 'PAID', 'CLAWBACK', 'EXPENSE')),
    currency CHAR(3)       NOT NULL,
    balance  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (owner_id, kind, currency),
    CHECK (kind = 'EXPENSE' OR balance >= 0)
);

CREATE TABLE journal_entries (
    id           UUID PRIMARY KEY,
    cause        TEXT        NOT NULL UNIQUE,
    kind         TEXT        NOT NULL CHECK (kind IN ('ACCRUE', 'RELEASE', 'REVERSE', 'REJECT', 'PAYOUT')),
    affiliate_id UUID        NOT NULL,
    currency     CHAR(3)     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX journal_entries_affiliate_idx ON journal_entries (affiliate_id, created_at);

CREATE TABLE postings (
    id       BIGSERIAL PRIMARY KEY,
    entry_id UUID          NOT NULL REFERENCES journal_entries (id),
    owner_id UUID          NOT NULL,
    kind     TEXT          NOT NULL,
    currency CHAR(3)       NOT NULL,
    side     TEXT          NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount   NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    FOREIGN KEY (owner_id, kind, currency) REFERENCES ledger_accounts (owner_id, kind, currency)
);
CREATE INDEX postings_entry_idx ON postings (entry_id);
CREATE INDEX postings_account_idx ON postings (owner_id, kind, currency);

-- Entries and postings are immutable: a correction is a new entry.
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER postings_immutable BEFORE UPDATE OR DELETE ON postings
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER postings_no_truncate BEFORE TRUNCATE ON postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

-- Every entry balances (debits = credits, one currency), checked at commit.
-- (it runs at commit, so it carries this schema's search_path with it)
CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    d NUMERIC;
    c NUMERIC;
    n INT;
BEGIN
    SELECT coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0),
           coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0),
           count(DISTINCT currency)
      INTO d, c, n FROM postings WHERE entry_id = NEW.id;
    IF d = 0 OR d <> c OR n <> 1 THEN
        RAISE EXCEPTION 'journal entry % is not balanced (debits %, credits %)', NEW.id, d, c
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();
