package io.signaldesk.affiliate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A click on an affiliate link: the IP and user agent only as peppered hashes. */
@Entity
@Table(name = "clicks")
public class Click {
    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "ip_hash", nullable = false)
    public String ipHash;

    @Column(name = "ua_hash", nullable = false)
    public String uaHash;

    @Column(name = "clicked_at", nullable = false)
    public Instant clickedAt;
}
