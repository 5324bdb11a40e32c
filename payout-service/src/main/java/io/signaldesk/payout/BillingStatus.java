package io.signaldesk.payout;

import java.util.Locale;
import java.util.Optional;

/** A billing account's subscription status: Stripe's subscription statuses, plus NONE (never subscribed). */
public enum BillingStatus {
    NONE,
    INCOMPLETE,
    INCOMPLETE_EXPIRED,
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED,
    UNPAID,
    PAUSED;

    /** Statuses in which the paid plan's entitlements hold (past_due: Stripe is still retrying the payment). */
    public boolean entitled() {
        return this == ACTIVE || this == TRIALING || this == PAST_DUE;
    }

    /** Statuses of a subscription that is over for good: another subscription may take its place. */
    public boolean ended() {
        return this == CANCELED || this == INCOMPLETE_EXPIRED;
    }

    /** Stripe's lower-case status ({@code past_due}); empty when Stripe sends one we do not know. */
    public static Optional<BillingStatus> ofStripe(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            BillingStatus st = valueOf(s.toUpperCase(Locale.ROOT));
            return st == NONE ? Optional.empty() : Optional.of(st);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
