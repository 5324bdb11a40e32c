package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund or dispute that arrived before its payment's invoice.paid: kept (once per Stripe id) and
 * announced right after the payment, in the invoice.paid's transaction.
 */
@Entity
@Table(name = "pending_give_backs")
public class PendingGiveBack {
    @Id
    @Column(name = "give_back_id")
    public String giveBackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentRefund.Reason reason;

    @Column(name = "charge_id")
    public String chargeId;

    @Column(name = "payment_intent_id")
    public String paymentIntentId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
