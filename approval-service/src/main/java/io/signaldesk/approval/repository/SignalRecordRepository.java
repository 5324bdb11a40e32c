package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.SignalRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalRecordRepository implements PanacheRepositoryBase<SignalRecord, UUID> {
    public Uni<List<SignalRecord>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("signalId in ?1", ids);
    }
}
