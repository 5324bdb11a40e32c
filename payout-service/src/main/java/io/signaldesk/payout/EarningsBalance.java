package io.signaldesk.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The stored sum of an affiliate's entries in one currency: released - reversed - paid (may be negative). */
@Entity
@Table(name = "earnings_balances")
@IdClass(EarningsBalance.Key.class)
public class EarningsBalance {
    /** The composite key (affiliate, currency). */
    public static class Key implements Serializable {
        public UUID affiliateId;
        public String currency;

        public Key() {}

        public Key(UUID affiliateId, String currency) {
            this.affiliateId = affiliateId;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(affiliateId, k.affiliateId)
                    && Objects.equals(currency, k.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(affiliateId, currency);
        }
    }

    @Id
    @Column(name = "affiliate_id")
    public UUID affiliateId;

    @Id
    public String currency;

    @Column(nullable = false)
    public BigDecimal payable;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
