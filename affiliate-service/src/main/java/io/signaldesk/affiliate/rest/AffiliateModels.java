package io.signaldesk.affiliate.rest;

import io.signaldesk.affiliate.Affiliate;
import io.signaldesk.affiliate.Commission;
import io.signaldesk.affiliate.FraudCase;
import io.signaldesk.platform.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the affiliate API. */
public final class AffiliateModels {
    private AffiliateModels() {}

    public record AffiliateView(UUID id, String code, String link, Instant createdAt) {
        static AffiliateView of(Affiliate a, String link) {
            return new AffiliateView(a.userId, a.referralCode, link, a.createdAt);
        }
    }

    public enum Decision {
        APPROVE,
        REJECT
    }

    public record ResolveRequest(
            @NotNull Decision decision,
            @NotNull @Size(min = 1, max = 2000) String note) {}

    public record HeldCommission(UUID id, UUID referredUserId, Money amount, Money clawedBack, String status) {
        static HeldCommission of(Commission c) {
            Currency cur = Currency.getInstance(c.currency);
            return new HeldCommission(
                    c.id, c.referredUserId, Money.of(c.amount, cur), Money.of(c.clawedBack, cur), c.status.name());
        }
    }

    public record FraudCaseView(
            UUID id,
            UUID affiliateId,
            String kind,
            String status,
            String detail,
            Instant createdAt,
            List<UUID> referredUsers,
            List<HeldCommission> commissions,
            UUID resolvedBy,
            Instant resolvedAt,
            String note) {
        static FraudCaseView of(FraudCase c, List<UUID> users, List<Commission> commissions) {
            return new FraudCaseView(
                    c.id,
                    c.affiliateId,
                    c.kind.name(),
                    c.status.name(),
                    c.detail,
                    c.createdAt,
                    users,
                    commissions.stream().map(HeldCommission::of).toList(),
                    c.resolvedBy,
                    c.resolvedAt,
                    c.note);
        }
    }
}
