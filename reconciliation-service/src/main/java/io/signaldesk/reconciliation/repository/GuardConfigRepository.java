package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.reconciliation.GuardConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GuardConfigRepository implements PanacheRepositoryBase<GuardConfig, UUID> {
    public Uni<List<GuardConfig>> ofDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("deviceId in ?1", deviceIds);
    }
}
