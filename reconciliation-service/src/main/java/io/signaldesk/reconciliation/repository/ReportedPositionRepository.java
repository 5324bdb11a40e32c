package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.reconciliation.ReportedPosition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReportedPositionRepository implements PanacheRepositoryBase<ReportedPosition, UUID> {
    public Uni<List<ReportedPosition>> of(UUID deviceId) {
        return list("deviceId = ?1 order by ticket", deviceId);
    }

    public Uni<List<ReportedPosition>> ofDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("deviceId in ?1 order by deviceId, ticket", deviceIds);
    }

    public Uni<Long> deleteOf(UUID deviceId) {
        return delete("deviceId", deviceId);
    }
}
