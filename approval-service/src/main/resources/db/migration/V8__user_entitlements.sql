-- What each user's premium tier entitles them to, from billing.v1 SubscriptionChanged (payout-service).
-- No row: the FREE tier, with the limits of approval.free.*. changed_at is the Stripe event's time:
-- an older SubscriptionChanged arriving late is ignored.
CREATE TABLE user_entitlements (
    user_id           UUID PRIMARY KEY,
    tier              TEXT        NOT NULL CHECK (tier <> ''),
    max_devices       INTEGER     NOT NULL CHECK (max_devices >= 0),
    max_subscriptions INTEGER     NOT NULL CHECK (max_subscriptions >= 0),
    changed_at        TIMESTAMPTZ NOT NULL
);
