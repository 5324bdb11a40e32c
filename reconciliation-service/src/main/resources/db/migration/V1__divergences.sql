-- Differences between the positions we expect (from fills) and those the broker reports (snapshots).
CREATE TABLE divergences (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL,
    account_id  TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('MISSING', 'UNEXPECTED', 'MISMATCHED')),
    ticket      BIGINT,
    detail      TEXT        NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX divergences_user_time_kind_idx ON divergences (user_id, detected_at DESC, kind);
