package io.signaldesk.payout.service;

import io.signaldesk.payout.EarningsEntryKind;
import io.signaldesk.payout.repository.EarningsEntryRepository;
import io.signaldesk.platform.events.MoneyEvents.EarningsReleased;
import io.signaldesk.platform.events.MoneyEvents.EarningsReversed;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.signaldesk.platform.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The payable balance from commissions.v1: a release adds, a reversal subtracts (the balance may go
 * below zero and is carried against later earnings). Runs in the consumer's inbox transaction; each
 * commissions entry id moves a balance at most once even if a second event carried it.
 */
@ApplicationScoped
public class EarningsLedger {
    private final EarningsEntryRepository entries;

    public EarningsLedger(EarningsEntryRepository entries) {
        this.entries = entries;
    }

    public Uni<Void> released(EarningsReleased e) {
        return entries.append(
                        EarningsEntryKind.RELEASED, e.affiliateId(), e.entryId(), positive(e.amount(), e.entryId()))
                .replaceWithVoid();
    }

    public Uni<Void> reversed(EarningsReversed e) {
        return entries.append(
                        EarningsEntryKind.REVERSED,
                        e.affiliateId(),
                        e.entryId(),
                        positive(e.amount(), e.entryId()).negated())
                .replaceWithVoid();
    }

    /** Amounts on commissions.v1 are positive (a reversal says so by its type): anything else is poison. */
    private static Money positive(Money amount, UUID entryId) {
        if (!amount.isPositive()) {
            throw new PoisonEventException("commissions entry " + entryId + " has a non-positive amount", null);
        }
        return amount;
    }
}
