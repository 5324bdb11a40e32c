package io.signaldesk.affiliate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.affiliate.Commission;
import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.affiliate.Referral;
import io.signaldesk.affiliate.config.AffiliateConfig;
import io.signaldesk.affiliate.config.Tiers;
import io.signaldesk.affiliate.repository.CommissionRepository;
import io.signaldesk.affiliate.repository.ReferralRepository;
import io.signaldesk.platform.events.MoneyEvents.EarningsReversed;
import io.signaldesk.platform.events.MoneyEvents.PaymentRefunded;
import io.signaldesk.platform.events.MoneyEvents.PaymentSucceeded;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;

/**
 * Commissions from billing.v1: one per payment of a referred user (recurring for the configured
 * months, tiered), and the proportional clawback of each refund or dispute. Runs in the inbox
 * transaction of the billing consumer.
 */
@ApplicationScoped
public class Commissions {
    private final CommissionRepository commissions;
    private final ReferralRepository referrals;
    private final FraudCases fraud;
    private final EarningsLedger ledger;
    private final Outbox outbox;
    private final Tiers tiers;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public Commissions(
            CommissionRepository commissions,
            ReferralRepository referrals,
            FraudCases fraud,
            EarningsLedger ledger,
            Outbox outbox,
            Tiers tiers,
            AffiliateConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.commissions = commissions;
        this.referrals = referrals;
        this.fraud = fraud;
        this.ledger = ledger;
        this.outbox = outbox;
        this.tiers = tiers;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    static void requirePositive(Money amount, String what) {
        if (!amount.isPositive()) {
            throw new PoisonEventException(what + " must be positive, was " + amount, null);
        }
    }

    public Uni<Void> paid(PaymentSucceeded e) {
        if (e.amount().isNegative()) {
            throw new PoisonEventException("a payment amount must not be negative, was " + e.amount(), null);
        }
        Uni<?> fingerprint =
                e.paymentFingerprint() == null || e.paymentFingerprint().isBlank()
                        ? Uni.createFrom().voidItem()
                        : referrals.recordFingerprint(e.userId(), e.paymentFingerprint());
        return fingerprint.chain(() -> referrals.lockOf(e.userId())).chain(ref -> {
            if (ref == null || e.amount().isZero()) {
                return Uni.createFrom().voidItem();
            }
            return commissions.lockOfPayment(e.paymentId()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                return accrue(ref, e);
            });
        });
    }

    private Uni<Void> accrue(Referral ref, PaymentSucceeded e) {
        // the tier counts the other referrals in good standing, plus this one
        return commissions
                .payingInGoodStandingOf(ref.affiliateId, ref.referredUserId)
                .chain(others -> {
                    boolean first = ref.firstPaidAt == null;
                    if (first || e.paidAt().isBefore(ref.firstPaidAt)) {
                        ref.firstPaidAt = e.paidAt();
                    }
                    Instant until = ref.firstPaidAt
                            .atZone(ZoneOffset.UTC)
                            .plusMonths(config.commissionMonths())
                            .toInstant();
                    if (!e.paidAt().isBefore(until)) {
                        count("past-commission-months");
                        return Uni.createFrom().voidItem();
                    }
                    BigDecimal rate = tiers.rate(others + 1);
                    Money amount = LedgerRules.commission(e.amount(), rate);
                    if (amount.isZero()) {
                        count("rounds-to-zero");
                        return Uni.createFrom().voidItem();
                    }
                    return fraud.holdFor(ref, e.paymentFingerprint()).chain(caseId -> {
                        Commission c = new Commission();
                        c.id = UUID.randomUUID();
                        c.paymentId = e.paymentId();
                        c.affiliateId = ref.affiliateId;
                        c.referredUserId = ref.referredUserId;
                        c.currency = e.amount().currencyCode();
                        c.paymentAmount = e.amount().amount();
                        c.rate = rate;
                        c.amount = amount.amount();
                        c.refunded = BigDecimal.ZERO;
                        c.clawedBack = BigDecimal.ZERO;
                        c.status = caseId == null ? Commission.Status.PENDING : Commission.Status.ON_HOLD;
                        c.fraudCaseId = caseId;
                        c.paidAt = e.paidAt();
                        c.createdAt = clock.instant();
                        c.holdUntil = c.createdAt.plus(config.hold());
                        count(c.status == Commission.Status.PENDING ? "pending" : "held");
                        return commissions
                                .persist(c)
                                .chain(() -> ledger.post(
                                        JournalEntry.Kind.ACCRUE,
                                        "accrue:" + c.id,
                                        c.affiliateId,
                                        amount.currency(),
                                        b -> LedgerRules.accrue(amount)))
                                .chain(() -> earlierRefunds(c));
                    });
                });
    }

    public Uni<Void> refunded(PaymentRefunded e) {
        requirePositive(e.amount(), "a refund amount");
        return commissions
                .recordRefund(e.refundId(), e.paymentId(), e.reason(), e.amount(), e.refundedAt())
                .chain(isNew -> isNew
                        ? commissions.lockOfPayment(e.paymentId())
                        : Uni.createFrom().nullItem())
                .chain(c -> c == null ? Uni.createFrom().voidItem() : clawBack(c, e));
    }

    /** A refund recorded before its payment arrived (Stripe does not promise order) is applied at accrual. */
    private Uni<Void> earlierRefunds(Commission c) {
        return commissions.refundsOf(c.paymentId).chain(refunds -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PaymentRefunded r : refunds) {
                chain = chain.chain(() -> clawBack(c, r));
            }
            return chain;
        });
    }

    private Uni<Void> clawBack(Commission c, PaymentRefunded e) {
        Currency cur = Currency.getInstance(c.currency);
        Money refunded = Money.of(c.refunded, cur).plus(e.amount());
        c.refunded = refunded.amount();
        if (c.status == Commission.Status.REJECTED) {
            return Uni.createFrom().voidItem(); // nothing of it is left to claw back
        }
        Money commission = Money.of(c.amount, cur);
        Money target = LedgerRules.clawedBackTarget(commission, refunded, Money.of(c.paymentAmount, cur));
        Money delta = target.minus(Money.of(c.clawedBack, cur));
        if (!delta.isPositive()) {
            return Uni.createFrom().voidItem();
        }
        c.clawedBack = target.amount();
        boolean released = c.status == Commission.Status.RELEASED;
        count(released ? "clawed-back-released" : "clawed-back-pending");
        return ledger.post(
                        JournalEntry.Kind.REVERSE,
                        "reverse:" + c.id + ":" + e.refundId(),
                        c.affiliateId,
                        cur,
                        b -> released ? LedgerRules.reverseReleased(b, delta) : LedgerRules.reversePending(b, delta))
                .chain(entryId -> released && entryId != null
                        ? outbox.enqueue(
                                        new EarningsReversed(entryId, c.affiliateId, delta, e.reason(), e.refundedAt()))
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    private void count(String outcome) {
        metrics.counter("signaldesk.affiliate.commissions", "outcome", outcome).increment();
    }
}
