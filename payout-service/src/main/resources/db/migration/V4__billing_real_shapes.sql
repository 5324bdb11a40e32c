-- Real Stripe shapes (docs/money.md "Billing"): since basil an invoice names no charge, its payment
-- (payment intent and charge) is asked of Stripe; refunds and disputes match a payment by either.
ALTER TABLE payments ADD COLUMN payment_intent_id TEXT UNIQUE;
