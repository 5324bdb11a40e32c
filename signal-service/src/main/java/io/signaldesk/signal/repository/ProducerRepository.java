package io.signaldesk.signal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.signal.Producer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProducerRepository implements PanacheRepositoryBase<Producer, UUID> {
    public Uni<Producer> findByTradingViewTokenHash(String hash) {
        return find("tradingViewTokenHash", hash).firstResult();
    }

    public Uni<Producer> findByIdForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Producer>> listByCreation() {
        return list("order by createdAt desc, id");
    }
}
