-- Telegram for traders (issue 9): a trader links one private chat with the bot through a one-time code
-- (stored hashed), and alerts (new approvals with Approve/Reject buttons, guard stages, fills) are
-- written as notification rows in the same transaction as the change they announce, then sent by a
-- background sender (claimed with FOR UPDATE SKIP LOCKED, retried with backoff, FAILED after N tries).
CREATE TABLE telegram_links (
    user_id   UUID        PRIMARY KEY,
    chat_id   BIGINT      NOT NULL UNIQUE,     -- one chat acts for one trader: a callback names exactly one
    linked_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE telegram_link_codes (
    code_hash  TEXT        PRIMARY KEY CHECK (code_hash ~ '^[0-9a-f]{64}$'), -- SHA-256 hex of the code
    user_id    UUID        NOT NULL UNIQUE,    -- one pending code per trader: a new one replaces it
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE telegram_notifications (
    id              UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL,
    text            TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    reply_markup    TEXT        CHECK (reply_markup IS NULL OR json_typeof(reply_markup::json) = 'object'),
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,                      -- the last failure, e.g. "HTTP 502" (never a URL or token)
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
-- the sender's claim: due PENDING rows, oldest due first
CREATE INDEX telegram_notifications_due_idx ON telegram_notifications (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX telegram_notifications_user_idx ON telegram_notifications (user_id, created_at);
