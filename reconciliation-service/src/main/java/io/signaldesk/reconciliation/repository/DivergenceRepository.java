package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.reconciliation.Divergence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Divergences between the positions we expect and those the broker reports. */
@ApplicationScoped
public class DivergenceRepository implements PanacheRepositoryBase<Divergence, UUID> {
    public Uni<List<Divergence>> openOf(UUID deviceId) {
        return list("deviceId = ?1 and resolvedAt is null order by detectedAt", deviceId);
    }

    public Uni<List<Divergence>> openOfDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("deviceId in ?1 and resolvedAt is null order by detectedAt", deviceIds);
    }

    /** The account a divergence belongs to, read without loading it (null when there is none). */
    public Uni<UUID> deviceOf(UUID id) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT device_id FROM {h-schema}divergences WHERE id = :id", UUID.class)
                        .setParameter("id", QueryPlans.notCached(id))
                        .getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<Divergence> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
