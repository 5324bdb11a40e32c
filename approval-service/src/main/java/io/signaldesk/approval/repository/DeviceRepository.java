package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.AccountState;
import io.signaldesk.approval.Device;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** Active devices of these traders, oldest first (the order the fan-out picks by). */
    public Uni<List<Device>> activeOf(Collection<UUID> users) {
        return list("userId in ?1 and revokedAt is null order by createdAt", users);
    }

    /** The users' active devices (oldest first), each with its latest account state if it sent one: one query. */
    public Uni<List<WithAccount>> activeWithAccountsOf(Collection<UUID> users) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select d, a from Device d left join AccountState a on a.deviceId = d.id "
                                        + "where d.userId in :users and d.revokedAt is null order by d.createdAt",
                                Object[].class)
                        .setParameter("users", users)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new WithAccount((Device) r[0], (AccountState) r[1]))
                        .toList());
    }

    /** A device and its account state, null before its first snapshot. */
    public record WithAccount(Device device, AccountState account) {}

    public Uni<List<Device>> allOf(UUID userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    public Uni<Long> countActive(UUID userId) {
        return count("userId = ?1 and revokedAt is null", userId);
    }

    public Uni<Long> countActive(UUID userId, String brokerServer, String brokerAccount) {
        return count(
                "userId = ?1 and brokerServer = ?2 and brokerAccount = ?3 and revokedAt is null",
                userId,
                brokerServer,
                brokerAccount);
    }

    public Uni<Integer> markSeen(UUID id, Instant at) {
        return update("lastSeenAt = ?1 where id = ?2", at, id);
    }

    /**
     * The device, locked against every decision that reads its guards ({@code FOR UPDATE}, which
     * conflicts with {@link #lockForDecision}): a guard change and an approval on the device are
     * serialised, so no approval passes on a block committed meanwhile. Null when there is no such device.
     */
    public Uni<Device> findForGuardChange(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM {h-schema}devices WHERE id = :id FOR UPDATE", Device.class)
                        .setParameter("id", id)
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /**
     * Holds these devices until the transaction ends against a concurrent guard change
     * ({@code FOR KEY SHARE}: it waits only for {@link #findForGuardChange}, never for a poll's
     * {@code lastSeenAt} update or another decision). Take it before reading the devices' guards.
     */
    public Uni<Void> lockForDecision(Collection<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM (SELECT id FROM {h-schema}devices WHERE id IN (:ids) "
                                        + "ORDER BY id FOR KEY SHARE) l",
                                Long.class)
                        .setParameter("ids", deviceIds)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Serialises one trader's writes of one kind until the transaction ends ({@code pg_advisory_xact_lock}),
     * for checks that a unique index cannot express (limits).
     */
    public Uni<Void> lockTrader(String what, UUID userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))) l",
                                Integer.class)
                        .setParameter("k", QueryPlans.notCached(what + ":" + userId))
                        .getSingleResult())
                .replaceWithVoid();
    }
}
