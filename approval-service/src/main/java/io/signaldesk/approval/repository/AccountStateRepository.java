package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.AccountState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountStateRepository implements PanacheRepositoryBase<AccountState, UUID> {
    public Uni<List<AccountState>> ofDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("deviceId in ?1", deviceIds);
    }
}
