CREATE TABLE strategies (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL UNIQUE,
    kind       TEXT        NOT NULL,
    instrument TEXT        NOT NULL,
    timeframe  TEXT        NOT NULL,
    params     TEXT        NOT NULL,
    created_by UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
