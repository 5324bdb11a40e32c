package io.signaldesk.approval;

import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A guard of a device's account that has tripped and not been cleared (from guards.v1), at the
 * strongest stage it reached. WARN is shown only; BLOCK and CLOSE_ALL refuse approvals on the device.
 */
@Entity
@Table(name = "account_guards")
@IdClass(AccountGuard.Key.class)
public class AccountGuard {
    /** The stages that refuse new approvals (and auto-approvals) on the device. */
    public static final Set<GuardStage> BLOCKING = Set.of(GuardStage.BLOCK, GuardStage.CLOSE_ALL);

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "guard_kind")
    public GuardKind guardKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuardStage stage;

    @Column(name = "guard_event_id", nullable = false)
    public UUID guardEventId;

    @Column(nullable = false)
    public Instant since;

    @Column(name = "limit_value", nullable = false)
    public BigDecimal limit;

    @Column(nullable = false)
    public BigDecimal observed;

    public boolean blocks() {
        return BLOCKING.contains(stage);
    }

    /** The primary key: one row per device and guard kind. */
    public static class Key implements Serializable {
        public UUID deviceId;
        public GuardKind guardKind;

        public Key() {}

        public Key(UUID deviceId, GuardKind guardKind) {
            this.deviceId = deviceId;
            this.guardKind = guardKind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(deviceId, k.deviceId) && guardKind == k.guardKind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, guardKind);
        }
    }
}
