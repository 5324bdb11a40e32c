package io.signaldesk.payout;

/** What moved a payable balance: the SQL CHECK of {@code earnings_entries.kind} lists the same. */
public enum EarningsEntryKind {
    /** EarningsReleased from commissions.v1: positive. */
    RELEASED,
    /** EarningsReversed from commissions.v1 (a clawback): negative, may take the balance below zero. */
    REVERSED,
    /** A payout that Stripe transferred: negative, its source is the payout id. */
    PAID
}
