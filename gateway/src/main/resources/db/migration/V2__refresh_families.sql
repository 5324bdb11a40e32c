-- One row per login (refresh token family). Refresh, logout and reuse detection lock this row first,
-- so a revocation and a concurrent refresh are serialised: a token minted by a refresh that
-- committed first is revoked with its family, and a refresh that comes second sees the family
-- revoked and mints nothing.
CREATE TABLE refresh_families (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
INSERT INTO refresh_families (id, user_id, created_at, revoked_at)
SELECT family_id, min(user_id::text)::uuid, min(issued_at),
       CASE WHEN bool_and(revoked_at IS NOT NULL OR rotated_at IS NOT NULL) THEN max(revoked_at) END
FROM refresh_tokens GROUP BY family_id;
ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_family_fk FOREIGN KEY (family_id) REFERENCES refresh_families (id);
