package io.signaldesk.payout;

/**
 * A payout's life (docs/money.md "Payouts"): REQUESTED reserves the balance, SUBMITTED means a
 * transfer may have been sent to Stripe, PAID and FAILED are final. Only forward (a SQL trigger
 * refuses anything else); the same list is the SQL CHECK of {@code payouts.state}.
 */
public enum PayoutState {
    REQUESTED,
    SUBMITTED,
    PAID,
    FAILED;

    /** Open payouts hold (reserve) their amount: at most one per affiliate and currency. */
    public boolean open() {
        return this == REQUESTED || this == SUBMITTED;
    }
}
