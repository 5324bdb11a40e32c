package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.Click;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ClickRepository implements PanacheRepositoryBase<Click, UUID> {
    public Uni<Long> countOf(UUID affiliateId) {
        return count("affiliateId", affiliateId);
    }
}
