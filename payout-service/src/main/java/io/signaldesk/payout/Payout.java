package io.signaldesk.payout;

import io.signaldesk.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** One transfer of an affiliate's payable balance to their Connect account; its id is Stripe's idempotency key. */
@Entity
@Table(name = "payouts")
public class Payout {
    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    /** The Connect account paid; never logged or put in a metric. */
    @Column(nullable = false)
    public String destination;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "stripe_transfer_id")
    public String stripeTransferId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Money money() {
        return Money.of(amount, Currency.getInstance(currency));
    }
}
