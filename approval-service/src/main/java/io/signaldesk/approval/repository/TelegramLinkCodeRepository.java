package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.TelegramLinkCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/** Pending link codes, by their hash; one per trader. */
@ApplicationScoped
public class TelegramLinkCodeRepository implements PanacheRepositoryBase<TelegramLinkCode, String> {
    /** The code locked against a concurrent use of it (a second user finds it gone). */
    public Uni<TelegramLinkCode> findForUse(String codeHash) {
        return findById(codeHash, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The trader's pending code becomes this one (one statement: two requests at once leave one code). */
    public Uni<Integer> replace(UUID userId, String codeHash, Instant expiresAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}telegram_link_codes (code_hash, user_id, expires_at) "
                                        + "VALUES (:hash, :user, :expires) ON CONFLICT (user_id) DO UPDATE "
                                        + "SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at")
                        .setParameter("hash", codeHash)
                        .setParameter("user", userId)
                        .setParameter("expires", expiresAt)
                        .executeUpdate());
    }

    public Uni<Long> deleteOf(UUID userId) {
        return delete("userId", userId);
    }
}
