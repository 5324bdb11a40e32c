package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert for a trader's linked chat, written in the transaction of the change it announces and
 * sent later by the background sender (so Telegram being down never blocks or rolls back trading).
 */
@Entity
@Table(name = "telegram_notifications")
public class TelegramNotification {
    /** PENDING until sent (SENT) or given up on (FAILED). */
    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String text;

    /** The Bot API {@code reply_markup} as JSON text (an inline keyboard), or null. */
    @Column(name = "reply_markup")
    public String replyMarkup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
