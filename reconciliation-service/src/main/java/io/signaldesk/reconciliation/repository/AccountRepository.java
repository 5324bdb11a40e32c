package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.reconciliation.Account;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {
    /** The account row locked until the transaction ends: one snapshot or fill of an account at a time. */
    public Uni<Account> findForUpdate(UUID deviceId) {
        return findById(deviceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The devices' accounts that exist, locked in device order (so two such batches cannot deadlock). */
    public Uni<List<Account>> findForUpdate(java.util.Collection<UUID> deviceIds) {
        return deviceIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : find("deviceId in ?1 order by deviceId", deviceIds)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list();
    }

    /**
     * The device's account, created on first sight (a fill and a snapshot of a new device may arrive
     * at once on their two topics), then locked until the transaction ends.
     */
    public Uni<Account> ensureForUpdate(UUID deviceId, UUID userId, String accountId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}accounts (device_id, user_id, account_id, created_at) "
                                        + "VALUES (:d, :u, :a, now()) ON CONFLICT (device_id) DO NOTHING")
                        .setParameter("d", deviceId)
                        .setParameter("u", userId)
                        .setParameter("a", accountId)
                        .executeUpdate())
                .chain(() -> findForUpdate(deviceId));
    }

    /**
     * Up to {@code max} accounts whose terminal last reported longer ago than their stale-terminal guard's
     * lowest threshold and whose guard can still go higher, locked (others' locks skipped).
     */
    public Uni<List<UUID>> lockStale(int max) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT a.device_id FROM {h-schema}accounts a JOIN {h-schema}guard_configs c ON c.device_id = a.device_id "
                                        + "WHERE a.last_snapshot_at IS NOT NULL "
                                        + "AND coalesce(c.stale_warn_seconds, c.stale_block_seconds) IS NOT NULL "
                                        + "AND greatest(a.last_snapshot_at, a.last_seen_at) < now() - make_interval(secs => "
                                        + "least(coalesce(c.stale_warn_seconds, c.stale_block_seconds), "
                                        + "coalesce(c.stale_block_seconds, c.stale_warn_seconds))) "
                                        + "AND NOT EXISTS (SELECT 1 FROM {h-schema}guard_states g WHERE g.device_id = a.device_id "
                                        + "AND g.kind = 'STALE_TERMINAL' AND (g.stage = 'BLOCK' OR c.stale_block_seconds IS NULL)) "
                                        + "ORDER BY greatest(a.last_snapshot_at, a.last_seen_at) LIMIT :max FOR UPDATE OF a SKIP LOCKED",
                                UUID.class)
                        .setParameter("max", QueryPlans.notCached(max))
                        .getResultList());
    }

    public Uni<List<Account>> ofUser(java.util.UUID userId) {
        return list("userId = ?1 order by createdAt", userId);
    }
}
