package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's premium tier as Stripe last told us; no row means FREE. */
@Entity
@Table(name = "billing_accounts")
public class BillingAccount {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "stripe_customer_id")
    public String stripeCustomerId;

    @Column(name = "stripe_subscription_id")
    public String stripeSubscriptionId;

    /** The checkout session last opened for the user and not yet seen completed (expired before a new one). */
    @Column(name = "checkout_session_id")
    public String checkoutSessionId;

    @Column(nullable = false)
    public String tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BillingStatus status;

    @Column(name = "current_period_end")
    public Instant currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;

    /** Stripe's {@code created} of the subscription event last applied (older ones are ignored). */
    @Column(name = "state_at")
    public Instant stateAt;

    /** Incremented with each subscription state applied; carried by SubscriptionChanged. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
