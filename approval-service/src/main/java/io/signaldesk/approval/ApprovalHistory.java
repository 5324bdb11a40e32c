package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One entry of an approval's audit trail. Written once, never changed. */
@Entity
@Table(name = "approval_history")
public class ApprovalHistory {
    @Id
    public UUID id;

    @Column(name = "approval_id", nullable = false)
    public UUID approvalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public Approval.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public Approval.Status toStatus;

    @Column(nullable = false)
    public String actor;

    public String reason;
    public BigDecimal volume;

    @Column(nullable = false)
    public Instant at;

    public static ApprovalHistory of(
            UUID approvalId, Approval.Status from, Approval.Status to, String actor, String reason, BigDecimal volume) {
        ApprovalHistory h = new ApprovalHistory();
        h.id = UUID.randomUUID();
        h.approvalId = approvalId;
        h.fromStatus = from;
        h.toStatus = to;
        h.actor = actor;
        h.reason = reason;
        h.volume = volume;
        h.at = Instant.now();
        return h;
    }
}
