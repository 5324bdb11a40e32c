package io.signaldesk.affiliate.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.platform.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger rules over thousands of random histories of accruals, partial and full refunds,
 * releases, payouts (paid and failed), duplicate deliveries and crashes before commit followed by a
 * retry. The journal here is what EarningsLedger keeps: one entry per cause.
 */
class LedgerPropertyTest {
    static final java.util.Currency USD = java.util.Currency.getInstance("USD");

    enum Kind {
        ACCRUE,
        REFUND,
        FULL_REFUND,
        RELEASE,
        PAYOUT,
        PAYOUT_FAILED,
        DUPLICATE,
        CRASH_AND_RETRY
    }

    record Op(Kind kind, int target, int cents, int rateIndex) {}

    static final BigDecimal[] RATES = {new BigDecimal("0.20"), new BigDecimal("0.25"), new BigDecimal("0.30")};

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(1, 50_000),
                        Arbitraries.integers().between(0, 2))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    static final class Commission {
        final Money payment;
        final Money amount;
        Money refunded = Money.zero(USD);
        Money clawedBack = Money.zero(USD);
        boolean released;

        Commission(Money payment, Money amount) {
            this.payment = payment;
            this.amount = amount;
        }
    }

    /** The ledger as EarningsLedger keeps it: stored balances and a journal of one entry per cause. */
    static final class Ledger {
        LedgerRules.Balances stored = LedgerRules.Balances.zero(USD);
        final Map<String, List<LedgerRules.Posting>> journal = new LinkedHashMap<>();
        final List<Commission> commissions = new ArrayList<>();
        final Set<String> failedPayouts = new HashSet<>();
        String lastCause;
        Function<LedgerRules.Balances, List<LedgerRules.Posting>> lastRule;
        int payoutIds;

        /** Posts once per cause; a rule breaking the ledger would throw before anything is stored. */
        boolean post(String cause, Function<LedgerRules.Balances, List<LedgerRules.Posting>> rule) {
            lastCause = cause;
            lastRule = rule;
            if (journal.containsKey(cause)) {
                return false;
            }
            List<LedgerRules.Posting> postings = rule.apply(stored);
            assertThat(LedgerRules.balanced(postings))
                    .as("entry %s balanced", cause)
                    .isTrue();
            LedgerRules.Balances next = stored.apply(postings);
            assertThat(next.withinRules())
                    .as("balances after %s: %s", cause, next)
                    .isTrue();
            journal.put(cause, postings);
            stored = next;
            return true;
        }

        void apply(Op op) {
            switch (op.kind()) {
                case ACCRUE -> {
                    Money payment = Money.ofMinor(op.cents(), USD);
                    Money amount = LedgerRules.commission(payment, RATES[op.rateIndex()]);
                    if (amount.isPositive()) {
                        Commission c = new Commission(payment, amount);
                        commissions.add(c);
                        post("accrue:" + commissions.size(), b -> LedgerRules.accrue(amount));
                    }
                }
                case REFUND, FULL_REFUND -> {
                    if (commissions.isEmpty()) {
                        return;
                    }
                    int i = op.target() % commissions.size();
                    Commission c = commissions.get(i);
                    Money refund = op.kind() == Kind.FULL_REFUND
                            ? c.payment
                            : Money.ofMinor(1 + (long) op.cents() % c.payment.toMinorUnits(), USD);
                    c.refunded = c.refunded.plus(refund);
                    Money target = LedgerRules.clawedBackTarget(c.amount, c.refunded, c.payment);
                    Money delta = target.minus(c.clawedBack);
                    if (delta.isPositive()) {
                        c.clawedBack = target;
                        boolean released = c.released;
                        post(
                                "reverse:" + i + ":" + journal.size(),
                                b -> released
                                        ? LedgerRules.reverseReleased(b, delta)
                                        : LedgerRules.reversePending(b, delta));
                    }
                    assertThat(c.clawedBack).isLessThanOrEqualTo(c.amount);
                }
                case RELEASE -> {
                    if (commissions.isEmpty()) {
                        return;
                    }
                    int i = op.target() % commissions.size();
                    Commission c = commissions.get(i);
                    if (c.released) {
                        return;
                    }
                    c.released = true;
                    Money rest = c.amount.minus(c.clawedBack);
                    if (rest.isPositive()) {
                        post("release:" + i, b -> LedgerRules.release(b, rest));
                    }
                }
                case PAYOUT -> {
                    // payout-service pays what it believes payable; it may be stale (a reversal overtook it)
                    Money believed = stored.payable().plus(Money.ofMinor(op.cents() % 300, USD));
                    if (believed.isPositive()) {
                        String id = "payout:" + (++payoutIds);
                        post(id, b -> LedgerRules.payout(b, believed));
                    }
                }
                case PAYOUT_FAILED -> failedPayouts.add("payout:" + (++payoutIds)); // nothing moves
                case DUPLICATE -> {
                    if (lastCause != null) {
                        int before = journal.size();
                        LedgerRules.Balances was = stored;
                        assertThat(post(lastCause, lastRule)).isFalse();
                        assertThat(journal).hasSize(before);
                        assertThat(stored).isEqualTo(was);
                    }
                }
                case CRASH_AND_RETRY -> {
                    // a transaction applies the op and dies before commit: its work is lost with it,
                    // the redelivery applies the same op again (same ids) as if for the first time
                    Op inner = new Op(Kind.values()[op.target() % 6], op.target(), op.cents(), op.rateIndex());
                    Ledger doomed = copy();
                    doomed.apply(inner);
                    apply(inner);
                    assertThat(journal.keySet()).containsAll(doomed.journal.keySet());
                    assertThat(stored).isEqualTo(doomed.stored);
                }
            }
        }

        /** What a transaction sees at its start: a copy it may change and lose. */
        Ledger copy() {
            Ledger l = new Ledger();
            l.stored = stored;
            l.journal.putAll(journal);
            for (Commission c : commissions) {
                Commission d = new Commission(c.payment, c.amount);
                d.refunded = c.refunded;
                d.clawedBack = c.clawedBack;
                d.released = c.released;
                l.commissions.add(d);
            }
            l.failedPayouts.addAll(failedPayouts);
            l.lastCause = lastCause;
            l.lastRule = lastRule;
            l.payoutIds = payoutIds;
            return l;
        }

        void checkInvariants() {
            LedgerRules.Balances recomputed = LedgerRules.Balances.zero(USD);
            Money debits = Money.zero(USD);
            Money credits = Money.zero(USD);
            Map<String, Integer> payoutsApplied = new HashMap<>();
            for (var e : journal.entrySet()) {
                recomputed = recomputed.apply(e.getValue());
                for (LedgerRules.Posting p : e.getValue()) {
                    if (p.side() == LedgerRules.Side.DEBIT) {
                        debits = debits.plus(p.amount());
                    } else {
                        credits = credits.plus(p.amount());
                    }
                }
                if (e.getKey().startsWith("payout:")) {
                    payoutsApplied.merge(e.getKey(), 1, Integer::sum);
                }
            }
            for (AccountKind k : AccountKind.values()) {
                assertThat(stored.get(k)).as("stored %s equals recomputed", k).isEqualTo(recomputed.get(k));
            }
            assertThat(debits).isEqualTo(credits);
            assertThat(payoutsApplied.values()).allMatch(n -> n == 1);
            assertThat(payoutsApplied.keySet()).noneMatch(failedPayouts::contains);
            assertThat(stored.withinRules()).isTrue();
            // what was accrued and not clawed back is pending, payable or paid
            Money accrued = Money.zero(USD);
            Money pendingExpected = Money.zero(USD);
            for (Commission c : commissions) {
                assertThat(c.clawedBack).isLessThanOrEqualTo(c.amount);
                accrued = accrued.plus(c.amount.minus(c.clawedBack));
                if (!c.released) {
                    pendingExpected = pendingExpected.plus(c.amount.minus(c.clawedBack));
                }
            }
            assertThat(stored.get(AccountKind.EXPENSE)).isEqualTo(accrued);
            assertThat(stored.get(AccountKind.PENDING)).isEqualTo(pendingExpected);
            assertThat(stored.get(AccountKind.EXPENSE))
                    .isEqualTo(stored.get(AccountKind.PENDING)
                            .plus(stored.payable())
                            .plus(stored.get(AccountKind.PAID)));
        }
    }

    @Property(tries = 3000)
    void everyHistoryKeepsTheLedgerBalancedAndWithinItsRules(@ForAll("histories") List<Op> history) {
        Ledger ledger = new Ledger();
        for (Op op : history) {
            ledger.apply(op);
            ledger.checkInvariants();
        }
    }
}
