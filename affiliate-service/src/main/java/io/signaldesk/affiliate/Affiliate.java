package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user who refers others; the affiliate's id is the user's id. */
@Entity
@Table(name = "affiliates")
public class Affiliate {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "referral_code", nullable = false, unique = true)
    public String referralCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
