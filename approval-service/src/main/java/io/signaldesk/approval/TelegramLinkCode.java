package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A trader's pending one-time link code, stored as its SHA-256 (the code itself is shown once). */
@Entity
@Table(name = "telegram_link_codes")
public class TelegramLinkCode {
    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
