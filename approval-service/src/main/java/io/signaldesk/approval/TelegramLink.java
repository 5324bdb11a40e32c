package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The Telegram chat a trader linked: alerts go there, and its buttons act for this trader. */
@Entity
@Table(name = "telegram_links")
public class TelegramLink {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "chat_id", nullable = false)
    public long chatId;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
}
