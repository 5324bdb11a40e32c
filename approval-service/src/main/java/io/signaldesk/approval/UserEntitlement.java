package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's premium tier and its limits as billing last announced them (no row: FREE). */
@Entity
@Table(name = "user_entitlements")
public class UserEntitlement {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public String tier;

    @Column(name = "max_devices", nullable = false)
    public int maxDevices;

    @Column(name = "max_subscriptions", nullable = false)
    public int maxSubscriptions;

    /** The time of the billing event these limits come from. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The billing version of these limits (the highest wins; 0: unversioned). */
    @Column(nullable = false)
    public long version;
}
