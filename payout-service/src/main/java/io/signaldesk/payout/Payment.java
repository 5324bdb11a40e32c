package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A paid Stripe invoice: what its refunds and disputes are checked against. */
@Entity
@Table(name = "payments")
public class Payment {
    @Id
    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(name = "charge_id")
    public String chargeId;

    @Column(name = "payment_intent_id")
    public String paymentIntentId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    /** Sum of what was announced as refunded or disputed; never above {@link #amount}. */
    @Column(nullable = false)
    public BigDecimal refunded;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(nullable = false)
    public String tier;

    public String fingerprint;
}
