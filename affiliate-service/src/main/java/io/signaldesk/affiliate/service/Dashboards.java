package io.signaldesk.affiliate.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.affiliate.repository.AffiliateRepository;
import io.signaldesk.affiliate.repository.ClickRepository;
import io.signaldesk.affiliate.repository.CommissionRepository;
import io.signaldesk.affiliate.repository.LedgerRepository;
import io.signaldesk.affiliate.repository.ReferralRepository;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An affiliate's numbers: clicks, signups, paying referrals, conversion, earnings, a monthly series. */
@ApplicationScoped
public class Dashboards {
    private final AffiliateRepository affiliates;
    private final ClickRepository clicks;
    private final ReferralRepository referrals;
    private final CommissionRepository commissions;
    private final LedgerRepository ledger;
    private final Clock clock;

    public Dashboards(
            AffiliateRepository affiliates,
            ClickRepository clicks,
            ReferralRepository referrals,
            CommissionRepository commissions,
            LedgerRepository ledger,
            Clock clock) {
        this.affiliates = affiliates;
        this.clicks = clicks;
        this.referrals = referrals;
        this.commissions = commissions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Earnings of one currency; {@code owed} is what the affiliate owes back (CLAWBACK). */
    public record Earnings(Money pending, Money available, Money paid, Money owed) {}

    public record Month(String month, long clicks, long signups, List<Money> earnings) {}

    public record Dashboard(
            UUID affiliateId,
            long clicks,
            long signups,
            long payingReferrals,
            String conversionRate,
            List<Earnings> earnings,
            List<Month> monthly) {}

    /** Paying referrals per click, to 4 decimals rounded half-even ("0" without clicks). */
    public static String conversion(long paying, long clicks) {
        if (clicks == 0) {
            return "0";
        }
        return BigDecimal.valueOf(paying)
                .divide(BigDecimal.valueOf(clicks), 4, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    public Uni<Dashboard> of(UUID affiliateId) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth first = now.minusMonths(11);
        var from = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.withSession(() -> affiliates.findById(affiliateId).chain(a -> {
            if (a == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No affiliate " + affiliateId));
            }
            return Uni.combine()
                    .all()
                    .unis(
                            clicks.countOf(affiliateId),
                            referrals.countOf(affiliateId),
                            referrals.payingOf(affiliateId),
                            ledger.balancesOf(affiliateId),
                            referrals.monthlyClicks(affiliateId, from),
                            referrals.monthly(affiliateId, from),
                            commissions.monthly(affiliateId, from))
                    .with(parts -> {
                        long c = (Long) parts.get(0);
                        long s = (Long) parts.get(1);
                        long p = (Long) parts.get(2);
                        return new Dashboard(
                                affiliateId,
                                c,
                                s,
                                p,
                                conversion(p, c),
                                earnings(cast(parts.get(3))),
                                months(first, cast(parts.get(4)), cast(parts.get(5)), cast(parts.get(6))));
                    });
        }));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> cast(Object o) {
        return (List<Object[]>) o;
    }

    private static List<Earnings> earnings(List<Object[]> rows) {
        Map<String, Map<AccountKind, BigDecimal>> byCurrency = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byCurrency
                    .computeIfAbsent(((String) r[0]).trim(), k -> new HashMap<>())
                    .put(AccountKind.valueOf((String) r[1]), (BigDecimal) r[2]);
        }
        List<Earnings> out = new ArrayList<>();
        byCurrency.forEach((code, m) -> {
            Currency cur = Currency.getInstance(code);
            java.util.function.Function<AccountKind, Money> get =
                    k -> Money.of(m.getOrDefault(k, BigDecimal.ZERO), cur);
            out.add(new Earnings(
                    get.apply(AccountKind.PENDING),
                    get.apply(AccountKind.AVAILABLE),
                    get.apply(AccountKind.PAID),
                    get.apply(AccountKind.CLAWBACK)));
        });
        return out;
    }

    private static List<Month> months(
            YearMonth first, List<Object[]> clicks, List<Object[]> signups, List<Object[]> earned) {
        Map<String, Long> c = counts(clicks);
        Map<String, Long> s = counts(signups);
        Map<String, List<Money>> e = new HashMap<>();
        for (Object[] r : earned) {
            e.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(Money.of((BigDecimal) r[2], Currency.getInstance(((String) r[1]).trim())));
        }
        List<Month> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String m = first.plusMonths(i).toString();
            out.add(new Month(m, c.getOrDefault(m, 0L), s.getOrDefault(m, 0L), e.getOrDefault(m, List.of())));
        }
        return out;
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> m = new HashMap<>();
        for (Object[] r : rows) {
            m.put((String) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }
}
