package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "billing_accounts")
public class BillingAccount {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "stripe_customer_id")
    public String stripeCustomerId;

    @Column(nullable = false)
    public String tier;

    @Column(nullable = false)
    public String status;

    @Column(name = "current_period_end")
    public Instant currentPeriodEnd;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
