package io.signaldesk.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "account_state")
public class AccountState {
    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal balance;

    @Column(nullable = false)
    public BigDecimal equity;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;
}
