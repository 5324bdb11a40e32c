-- A trader profile per registered user, created from UserRegistered (users.v1).
CREATE TABLE traders (
    user_id       UUID PRIMARY KEY,
    email         TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
