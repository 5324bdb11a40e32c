package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An affiliate's Stripe Express account (null until Stripe has answered the first onboarding). */
@Entity
@Table(name = "connect_accounts")
public class ConnectAccount {
    @Id
    @Column(name = "affiliate_id")
    public UUID affiliateId;

    /** Never logged or put in a metric. */
    @Column(name = "stripe_account_id")
    public String stripeAccountId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
