-- Every signup as the affiliate program sees it: who registered, with which referral code (if
-- any), and the hashed signup fingerprint that fraud checks compare.
CREATE TABLE signups (
    user_id            UUID PRIMARY KEY,
    referral_code      TEXT,
    signup_fingerprint TEXT        NOT NULL,
    ip_hash            TEXT        NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX signups_referral_code_idx ON signups (referral_code) WHERE referral_code IS NOT NULL;
CREATE INDEX signups_fingerprint_idx ON signups (signup_fingerprint);
