package io.signaldesk.platform.events;

import io.signaldesk.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Contracts of billing, commission and payout topics. Amounts are {@link Money}, never doubles. */
public final class MoneyEvents {
    private MoneyEvents() {}

    /** {@code billing.v1}, keyed by user id. */
    public record PaymentSucceeded(
            UUID paymentId,
            UUID userId,
            String stripeInvoiceId,
            String tier,
            Money amount,
            String paymentFingerprint,
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

    public record PaymentRefunded(UUID paymentId, UUID userId, String stripeChargeId, Money amount, Instant refundedAt)
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

    public record SubscriptionChanged(
            UUID userId, String tier, String status, Instant currentPeriodEnd, Instant changedAt)
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

    /** {@code commissions.v1}, keyed by affiliate id. */
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
