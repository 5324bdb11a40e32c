-- Nonces of signed requests (platform NonceStore): the only nonce store, so a Redis outage changes
-- nothing for replay protection. A row may be taken again once expired; a sweep deletes expired rows.
CREATE TABLE signed_nonces (
    scope      TEXT        NOT NULL,
    signer     TEXT        NOT NULL,
    nonce      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, signer, nonce)
);
CREATE INDEX signed_nonces_expiry_idx ON signed_nonces (expires_at);
