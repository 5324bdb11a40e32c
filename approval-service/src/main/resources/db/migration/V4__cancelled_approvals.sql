-- Unsubscribing withdraws the subscription's pending approvals: CANCELLED, not EXPIRED (nothing expired).
ALTER TABLE approvals DROP CONSTRAINT approvals_status_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'));
-- The audit trail names the same states (from_status is null for the first entry).
ALTER TABLE approval_history ADD CONSTRAINT approval_history_status_check
    CHECK ((from_status IS NULL OR from_status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'))
        AND to_status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'));
