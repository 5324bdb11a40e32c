-- One live subscription per user (docs/money.md "Billing"): the checkout session last opened and not
-- yet seen completed; a new checkout expires it in Stripe first (or is refused if it completed).
ALTER TABLE billing_accounts ADD COLUMN checkout_session_id TEXT;
