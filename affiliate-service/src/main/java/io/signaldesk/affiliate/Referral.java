package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user who signed up with an affiliate's code. */
@Entity
@Table(name = "referrals")
public class Referral {
    @Id
    @Column(name = "referred_user_id")
    public UUID referredUserId;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "signup_fingerprint", nullable = false)
    public String signupFingerprint;

    @Column(name = "ip_hash", nullable = false)
    public String ipHash;

    @Column(name = "referred_at", nullable = false)
    public Instant referredAt;

    /** The referred user's first payment: the recurring commission runs from here. */
    @Column(name = "first_paid_at")
    public Instant firstPaidAt;
}
