package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.ApprovalHistory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApprovalHistoryRepository implements PanacheRepositoryBase<ApprovalHistory, UUID> {
    public Uni<List<ApprovalHistory>> of(UUID approvalId) {
        return find("approvalId = ?1 order by at", approvalId).list();
    }
}
