package io.signaldesk.platform.events;

import io.signaldesk.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Contracts of billing, commission and payout topics. Amounts are {@link Money}, never doubles. */
public final class MoneyEvents {
    private MoneyEvents() {}

    /**
     * {@code billing.v1}, keyed by user id: a paid invoice. {@code paymentId} is derived from the
     * Stripe invoice id (the same invoice is always the same payment); {@code paymentFingerprint} is
     * the card's Stripe fingerprint (null when Stripe gives none), compared by the self-referral check.
     */
    public record PaymentSucceeded(
            UUID paymentId,
            UUID userId,
            String stripeInvoiceId,
            String tier,
            Money amount,
            @Nullable String paymentFingerprint,
            Instant paidAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.BILLING;
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    /**
     * Money given back on a payment: one event per Stripe refund or lost/opened dispute ({@code
     * refundId} is its Stripe id, {@code reason} {@code refund} or {@code dispute}); {@code amount} is
     * this refund's own amount, never a running total.
     */
    public record PaymentRefunded(
            UUID paymentId,
            UUID userId,
            String stripeChargeId,
            String refundId,
            String reason,
            Money amount,
            Instant refundedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.BILLING;
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    /**
     * The user's tier and what it entitles them to, as of {@code changedAt} (the Stripe event's time).
     * {@code version} increases by one with each subscription state billing applies for the user: a
     * consumer keeps the highest version and ignores a lower or equal one arriving late (two changes
     * in the same second are ordered by it, not by {@code changedAt}). 0 means unversioned (older
     * producers); then {@code changedAt} orders.
     */
    public record SubscriptionChanged(
            UUID userId,
            String tier,
            String status,
            Instant currentPeriodEnd,
            int maxDevices,
            int maxSubscriptions,
            Instant changedAt,
            long version)
            implements DomainEvent {
        /** Without a version (0: older than every versioned change of the user). */
        public SubscriptionChanged(
                UUID userId,
                String tier,
                String status,
                Instant currentPeriodEnd,
                int maxDevices,
                int maxSubscriptions,
                Instant changedAt) {
            this(userId, tier, status, currentPeriodEnd, maxDevices, maxSubscriptions, changedAt, 0L);
        }

        @Override
        public String topic() {
            return Topics.BILLING;
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    /**
     * {@code commissions.v1}, keyed by affiliate id (the affiliate's user id): earnings that became
     * payable. payout-service adds them to the affiliate's payable balance.
     */
    public record EarningsReleased(UUID entryId, UUID affiliateId, Money amount, Instant releasedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.COMMISSIONS;
        }

        @Override
        public String key() {
            return affiliateId.toString();
        }
    }

    /**
     * Released (or already paid) earnings clawed back by a refund or dispute: payout-service subtracts
     * them from the payable balance, which may go negative and is then carried into later earnings.
     */
    public record EarningsReversed(UUID entryId, UUID affiliateId, Money amount, String reason, Instant reversedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.COMMISSIONS;
        }

        @Override
        public String key() {
            return affiliateId.toString();
        }
    }

    /** {@code payouts.v1}, keyed by affiliate id. */
    public record PayoutPaid(UUID payoutId, UUID affiliateId, Money amount, String stripeTransferId, Instant paidAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.PAYOUTS;
        }

        @Override
        public String key() {
            return affiliateId.toString();
        }
    }

    public record PayoutFailed(UUID payoutId, UUID affiliateId, Money amount, String reason, Instant failedAt)
            implements DomainEvent {
        @Override
        public String topic() {
            return Topics.PAYOUTS;
        }

        @Override
        public String key() {
            return affiliateId.toString();
        }
    }
}
