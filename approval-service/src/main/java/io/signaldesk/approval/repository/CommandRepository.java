package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.Command;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Commands for the EAs. Expiry here and leasing ({@link CommandLeases}) use the database's clock, so
 * the two decisions never disagree through clock skew between replicas.
 */
@ApplicationScoped
public class CommandRepository implements PanacheRepositoryBase<Command, UUID> {

    public Uni<Command> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Command> ofApproval(UUID approvalId) {
        return find("approvalId", approvalId).firstResult();
    }

    public Uni<List<Command>> ofApprovals(Collection<UUID> approvalIds) {
        return approvalIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("approvalId in ?1", approvalIds);
    }

    /**
     * Queues a CLOSE (of {@code ticket}) or CLOSE_ALL command for the device, PENDING and without
     * expiry, unless the same one is already outstanding (PENDING or LEASED: one CLOSE_ALL per device,
     * one CLOSE per device and ticket, held by partial unique indexes, so concurrent requests queue one).
     *
     * @return true when queued, false when one was outstanding already
     */
    public Uni<Boolean> queueUnlessOutstanding(
            UUID id, UUID deviceId, UUID userId, Command.Type type, Long ticket, Instant createdAt) {
        if (type == Command.Type.OPEN || (type == Command.Type.CLOSE) != (ticket != null)) {
            throw new IllegalArgumentException("a CLOSE names its ticket, a CLOSE_ALL none; OPEN is approved");
        }
        String sql = "INSERT INTO {h-schema}commands (id, device_id, user_id, type, "
                + (ticket == null ? "" : "ticket, ")
                + "status, delivery_count, created_at) VALUES (:id, :device, :user, :type, "
                + (ticket == null ? "" : ":ticket, ")
                + "'PENDING', 0, :created) ON CONFLICT DO NOTHING";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql)
                    .setParameter("id", id)
                    .setParameter("device", deviceId)
                    .setParameter("user", userId)
                    .setParameter("type", type.name())
                    .setParameter("created", createdAt);
            if (ticket != null) {
                q.setParameter("ticket", ticket);
            }
            return q.executeUpdate().map(n -> n > 0);
        });
    }

    /**
     * Seconds since the oldest CLOSE or CLOSE_ALL (what a guard or a divergence queues) that no
     * terminal has acknowledged yet was queued; 0 when none is outstanding.
     */
    public Uni<Double> oldestOutstandingCloseSeconds() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 "
                                        + "FROM {h-schema}commands WHERE type IN (:types) "
                                        + "AND status IN ('PENDING', 'LEASED')",
                                Double.class)
                        .setParameter("types", List.of("CLOSE", "CLOSE_ALL")) // a list: no plan cached per call
                        .getSingleResult());
    }

    /**
     * OPEN commands past their expiry that no EA holds a live lease on become EXPIRED, with an entry in
     * their approval's history saying why: never collected (never executed), or collected but not
     * confirmed (the terminal may have traded: a late ack is still accepted and recorded).
     */
    public Uni<List<ApprovalRepository.Moved>> expireStaleOpen() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "WITH expired AS (UPDATE {h-schema}commands SET status = 'EXPIRED', lease_until = NULL "
                                        + "WHERE type = :open AND expires_at <= now() AND acked_at IS NULL "
                                        + "AND (status = 'PENDING' OR (status = 'LEASED' AND lease_until < now())) "
                                        + "RETURNING approval_id, user_id, volume, delivery_count), "
                                        + "history AS (INSERT INTO {h-schema}approval_history (id, approval_id, from_status, to_status, actor, reason, volume, at) "
                                        + "SELECT gen_random_uuid(), approval_id, 'APPROVED', 'APPROVED', 'system', "
                                        + "CASE WHEN delivery_count = 0 THEN 'not executed: the terminal did not collect the trade before the signal expired' "
                                        + "ELSE 'unconfirmed: the terminal received the trade but did not confirm it before the signal expired; "
                                        + "check the terminal' END, volume, now() "
                                        + "FROM expired WHERE approval_id IS NOT NULL) "
                                        + "SELECT CAST(approval_id AS text), CAST(user_id AS text) FROM expired "
                                        + "WHERE approval_id IS NOT NULL")
                        .setParameter("open", QueryPlans.notCached("OPEN"))
                        .getResultList())
                .map(ApprovalRepository::moved);
    }

    /**
     * A device's approved OPEN commands that no EA has acknowledged become EXPIRED at once (a guard
     * blocked the account): never delivered again. One already delivered may still be executing; its
     * late ack is recorded, and its history says to check the terminal.
     */
    public Uni<List<ApprovalRepository.Moved>> expireOpenOf(UUID deviceId, String reason) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "WITH expired AS (UPDATE {h-schema}commands SET status = 'EXPIRED', lease_until = NULL "
                                        + "WHERE device_id = :d AND type = 'OPEN' AND acked_at IS NULL "
                                        + "AND status IN ('PENDING', 'LEASED') "
                                        + "RETURNING approval_id, user_id, volume, delivery_count), "
                                        + "history AS (INSERT INTO {h-schema}approval_history (id, approval_id, from_status, to_status, actor, reason, volume, at) "
                                        + "SELECT gen_random_uuid(), approval_id, 'APPROVED', 'APPROVED', 'system', "
                                        + "CASE WHEN delivery_count = 0 THEN :reason "
                                        + "ELSE :reason || '; it had been delivered to the terminal: check the terminal' END, "
                                        + "volume, now() FROM expired WHERE approval_id IS NOT NULL) "
                                        + "SELECT CAST(approval_id AS text), CAST(user_id AS text) FROM expired "
                                        + "WHERE approval_id IS NOT NULL")
                        .setParameter("d", QueryPlans.notCached(deviceId))
                        .setParameter("reason", reason)
                        .getResultList())
                .map(ApprovalRepository::moved);
    }
}
