package io.signaldesk.payout.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.EarningsBalance;
import io.signaldesk.payout.Payout;
import io.signaldesk.payout.repository.ConnectAccountRepository;
import io.signaldesk.payout.repository.EarningsBalanceRepository;
import io.signaldesk.payout.repository.PayoutRepository;
import io.signaldesk.platform.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** What an affiliate sees of their payouts: Connect status, balances per currency, recent payouts. */
@ApplicationScoped
public class PayoutOverview {
    /**
     * {@code payable} = released - reversed - paid (may be negative: carried); {@code reserved} is
     * held by an open payout; {@code available} is what the next run would pay.
     */
    public record Balance(Money payable, Money reserved, Money available, Money threshold) {}

    public record Overview(boolean connected, List<Balance> balances, List<Payout> payouts) {}

    private final ConnectAccountRepository accounts;
    private final EarningsBalanceRepository balances;
    private final PayoutRepository payouts;
    private final PayoutRuns runs;

    public PayoutOverview(
            ConnectAccountRepository accounts,
            EarningsBalanceRepository balances,
            PayoutRepository payouts,
            PayoutRuns runs) {
        this.accounts = accounts;
        this.balances = balances;
        this.payouts = payouts;
        this.runs = runs;
    }

    public Uni<Overview> of(UUID affiliateId, int limit) {
        return Panache.withSession(() -> accounts.accountOf(affiliateId)
                .chain(account -> balances.ofAffiliate(affiliateId)
                        .chain(rows -> balanceLines(affiliateId, rows))
                        .chain(lines -> payouts.ofAffiliate(affiliateId, limit)
                                .map(list -> new Overview(account != null, lines, list)))));
    }

    private Uni<List<Balance>> balanceLines(UUID affiliateId, List<EarningsBalance> rows) {
        List<Balance> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EarningsBalance b : rows) {
            Currency currency = Currency.getInstance(b.currency);
            chain = chain.chain(() -> payouts.reserved(affiliateId, b.currency).invoke(reserved -> {
                        Money payable = Money.of(b.payable, currency);
                        Money held = Money.of(reserved, currency);
                        out.add(new Balance(
                                payable,
                                held,
                                payable.minus(held),
                                runs.threshold(b.currency).orElse(null)));
                    }))
                    .replaceWithVoid();
        }
        return chain.replaceWith(out);
    }
}
