package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.TelegramNotification;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Telegram alerts waiting to be sent, and the sender's claim on them. */
@ApplicationScoped
public class TelegramNotificationRepository implements PanacheRepositoryBase<TelegramNotification, UUID> {
    /**
     * Claims up to {@code max} due PENDING notifications (rows another replica holds are skipped): each
     * counts one more attempt and is not due again for {@code claim}, so a replica that dies while
     * sending leaves it to be retried, and no two replicas send it at once.
     */
    public Uni<List<TelegramNotification>> claimDue(int max, Duration claim) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE {h-schema}telegram_notifications SET attempts = attempts + 1, "
                                        + "next_attempt_at = now() + make_interval(secs => :claimSeconds) "
                                        + "WHERE id IN (SELECT id FROM {h-schema}telegram_notifications "
                                        + "WHERE status = 'PENDING' AND next_attempt_at <= now() "
                                        + "ORDER BY next_attempt_at LIMIT " + max
                                        + " FOR UPDATE SKIP LOCKED) RETURNING *",
                                TelegramNotification.class)
                        .setParameter("claimSeconds", QueryPlans.notCached(claim.toMillis() / 1000.0))
                        .getResultList());
    }

    public Uni<Integer> markSent(UUID id) {
        return update(
                "status = ?1, sentAt = ?2, lastError = null where id = ?3",
                TelegramNotification.Status.SENT,
                Instant.now(),
                id);
    }

    public Uni<Integer> retryAt(UUID id, Instant at, String error) {
        return update(
                "nextAttemptAt = ?1, lastError = ?2 where id = ?3 and status = ?4",
                at,
                error,
                id,
                TelegramNotification.Status.PENDING);
    }

    public Uni<Integer> markFailed(UUID id, String error) {
        return update("status = ?1, lastError = ?2 where id = ?3", TelegramNotification.Status.FAILED, error, id);
    }
}
