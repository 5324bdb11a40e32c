package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** Money given back on a payment, one per Stripe refund or dispute id. */
@Entity
@Table(name = "payment_refunds")
public class PaymentRefund {
    public enum Reason {
        REFUND,
        DISPUTE;

        /** As billing.v1 spells it ({@code refund}, {@code dispute}). */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @Column(name = "refund_id")
    public String refundId;

    @Column(name = "invoice_id", nullable = false)
    public String invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    /** What Stripe said was given back. */
    @Column(nullable = false)
    public BigDecimal requested;

    /** What was announced: the requested amount, clamped to what was left of the payment. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
