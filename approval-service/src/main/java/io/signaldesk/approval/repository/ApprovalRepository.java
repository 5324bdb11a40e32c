package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.Approval;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Approvals, and the set-based moves of many PENDING approvals at once (each writes its own history). */
@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<Approval, UUID> {
    /**
     * One statement: the moved approvals and their history entries, so neither exists without the other;
     * it answers each moved approval's id and owner (for their live streams).
     */
    private static final String MOVE_PENDING =
            "WITH moved AS (UPDATE {h-schema}approvals SET status = :to, decided_at = now() "
                    + "WHERE status = 'PENDING' AND %s RETURNING id, user_id, volume), "
                    + "history AS (INSERT INTO {h-schema}approval_history (id, approval_id, from_status, to_status, actor, reason, volume, at) "
                    + "SELECT gen_random_uuid(), id, 'PENDING', :to, :actor, :reason, volume, now() FROM moved) "
                    + "SELECT CAST(id AS text), CAST(user_id AS text) FROM moved";

    /** An approval moved by a set-based statement, and its owner. */
    public record Moved(UUID approvalId, UUID userId) {}

    /** The rows of a statement answering (approval id, user id) as text. */
    @SuppressWarnings("unchecked")
    public static List<Moved> moved(List<?> rows) {
        return ((List<Object[]>) rows)
                .stream()
                        .map(r -> new Moved(UUID.fromString((String) r[0]), UUID.fromString((String) r[1])))
                        .toList();
    }

    public Uni<Approval> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first, optionally of one status. */
    public Uni<List<Approval>> page(UUID userId, Approval.Status status, int page, int size) {
        return (status == null
                        ? find("userId = ?1 order by createdAt desc", userId)
                        : find("userId = ?1 and status = ?2 order by createdAt desc", userId, status))
                .page(page, size)
                .list();
    }

    /** PENDING approvals whose signal expired become EXPIRED (by the database's clock, the one the EA lease uses). */
    public Uni<List<Moved>> expireDue() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(MOVE_PENDING.formatted("expires_at <= now()"))
                        .setParameter("to", Approval.Status.EXPIRED.name())
                        .setParameter("actor", QueryPlans.notCached("system"))
                        .setParameter("reason", "expired")
                        .getResultList())
                .map(ApprovalRepository::moved);
    }

    /** PENDING approvals of a subscription the trader stopped following become CANCELLED. */
    public Uni<List<Moved>> cancelPendingOf(UUID subscriptionId, String actor, String reason) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(MOVE_PENDING.formatted("subscription_id = :subscription"))
                        .setParameter("to", Approval.Status.CANCELLED.name())
                        .setParameter("subscription", subscriptionId)
                        .setParameter("actor", QueryPlans.notCached(actor))
                        .setParameter("reason", reason)
                        .getResultList())
                .map(ApprovalRepository::moved);
    }
}
