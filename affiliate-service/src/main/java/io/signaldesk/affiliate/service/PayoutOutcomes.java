package io.signaldesk.affiliate.service;

import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.affiliate.repository.LedgerRepository;
import io.signaldesk.platform.events.MoneyEvents.PayoutFailed;
import io.signaldesk.platform.events.MoneyEvents.PayoutPaid;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** payouts.v1: a paid payout moves AVAILABLE → PAID once per payout id; a failed one is recorded only. */
@ApplicationScoped
public class PayoutOutcomes {
    private final LedgerRepository outcomes;
    private final EarningsLedger ledger;

    public PayoutOutcomes(LedgerRepository outcomes, EarningsLedger ledger) {
        this.outcomes = outcomes;
        this.ledger = ledger;
    }

    public Uni<Void> paid(PayoutPaid e) {
        Commissions.requirePositive(e.amount(), "a payout amount");
        return outcomes.recordPayoutOutcome(
                        e.payoutId(), "PAID", e.affiliateId(), e.amount(), e.stripeTransferId(), e.paidAt())
                .chain(isNew -> isNew
                        ? ledger.post(
                                JournalEntry.Kind.PAYOUT,
                                "payout:" + e.payoutId(),
                                e.affiliateId(),
                                e.amount().currency(),
                                b -> LedgerRules.payout(b, e.amount()))
                        : Uni.createFrom().nullItem())
                .replaceWithVoid();
    }

    public Uni<Void> failed(PayoutFailed e) {
        Commissions.requirePositive(e.amount(), "a payout amount");
        return outcomes.recordPayoutOutcome(
                        e.payoutId(), "FAILED", e.affiliateId(), e.amount(), e.reason(), e.failedAt())
                .replaceWithVoid();
    }
}
