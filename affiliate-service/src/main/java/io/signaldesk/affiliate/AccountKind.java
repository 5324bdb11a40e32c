package io.signaldesk.affiliate;

/**
 * The earnings ledger's accounts (docs/money.md "Affiliate commissions and the earnings ledger"). Per
 * affiliate and currency: PENDING (accrued, in its hold), AVAILABLE (released, payable), PAID (paid
 * out, cumulative), CLAWBACK (what the affiliate owes back after money already paid was reversed; it
 * is offset against later releases). Per currency for the platform: EXPENSE.
 */
public enum AccountKind {
    PENDING,
    AVAILABLE,
    PAID,
    CLAWBACK,
    EXPENSE;

    /** EXPENSE and CLAWBACK grow with debits (an expense, a receivable); the others with credits. */
    public boolean debitNormal() {
        return this == EXPENSE || this == CLAWBACK;
    }
}
