package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered user as approval-service knows them (from UserRegistered). */
@Entity
@Table(name = "traders")
public class Trader {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public String email;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
