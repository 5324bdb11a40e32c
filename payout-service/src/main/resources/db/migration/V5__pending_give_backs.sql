-- A refund or dispute that arrives before its invoice.paid (Stripe does not order deliveries) is kept
-- here, once per Stripe id, and announced right after the payment in the invoice.paid's transaction
-- (then the row is deleted). The event that brought it is recorded DEFERRED.
CREATE TABLE pending_give_backs (
    give_back_id      TEXT PRIMARY KEY,
    seq               BIGSERIAL      NOT NULL, -- arrival order, for ties in created_at
    reason            TEXT           NOT NULL CHECK (reason IN ('REFUND', 'DISPUTE')),
    charge_id         TEXT,
    payment_intent_id TEXT,
    amount            NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    currency          CHAR(3)        NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT pending_give_backs_names_payment CHECK (charge_id IS NOT NULL OR payment_intent_id IS NOT NULL)
);
CREATE INDEX pending_give_backs_charge_idx ON pending_give_backs (charge_id);
CREATE INDEX pending_give_backs_intent_idx ON pending_give_backs (payment_intent_id);

ALTER TABLE stripe_events DROP CONSTRAINT stripe_events_outcome_ck;
ALTER TABLE stripe_events ADD CONSTRAINT stripe_events_outcome_ck CHECK (outcome IN ('APPLIED', 'IGNORED', 'DEFERRED'));
