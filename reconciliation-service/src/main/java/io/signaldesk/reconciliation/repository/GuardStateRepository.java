package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.reconciliation.GuardState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GuardStateRepository implements PanacheRepositoryBase<GuardState, UUID> {
    public Uni<List<GuardState>> of(UUID deviceId) {
        return list("deviceId", deviceId);
    }

    public Uni<List<GuardState>> ofDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("deviceId in ?1", deviceIds);
    }

    public Uni<GuardState> of(UUID deviceId, GuardKind kind) {
        return find("deviceId = ?1 and kind = ?2", deviceId, kind).firstResult();
    }
}
