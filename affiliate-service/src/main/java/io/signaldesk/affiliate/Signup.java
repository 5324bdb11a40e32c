package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signup as the affiliate program sees it (from UserRegistered). */
@Entity
@Table(name = "signups")
public class Signup {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "referral_code")
    public String referralCode;

    @Column(name = "signup_fingerprint", nullable = false)
    public String signupFingerprint;

    @Column(name = "ip_hash", nullable = false)
    public String ipHash;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
