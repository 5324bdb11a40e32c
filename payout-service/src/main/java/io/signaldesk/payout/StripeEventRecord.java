package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Stripe event received and verified; its id is recorded once, with its effect. */
@Entity
@Table(name = "stripe_events")
public class StripeEventRecord {
    public enum Outcome {
        APPLIED,
        IGNORED,
        /** A refund or dispute of a payment not seen yet: kept, announced after its invoice.paid. */
        DEFERRED
    }

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "stripe_created")
    public Instant stripeCreated;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;
}
