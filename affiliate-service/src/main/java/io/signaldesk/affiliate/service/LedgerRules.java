package io.signaldesk.affiliate.service;

import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.platform.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The earnings ledger's rules, without a database: which postings each movement makes and what the
 * balances may be. {@link EarningsLedger} applies them to the stored accounts; the property test runs
 * them over thousands of random histories. Every posting is positive; an entry's debits equal its
 * credits; no affiliate account goes below zero (a reversal of money already paid lands on CLAWBACK,
 * which later releases pay off first).
 */
public final class LedgerRules {
    /** We never pay more than the rate: commissions and clawbacks round toward zero. */
    public static final RoundingMode ROUNDING = RoundingMode.DOWN;

    private LedgerRules() {}

    public enum Side {
        DEBIT,
        CREDIT
    }

    public record Posting(AccountKind account, Side side, Money amount) {
        public Posting {
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a posting is positive: " + amount);
            }
        }

        /** The signed change this posting makes to its account's balance. */
        public Money effect() {
            boolean grows = (side == Side.DEBIT) == account.debitNormal();
            return grows ? amount : amount.negated();
        }
    }

    /** One affiliate's balances in one currency, with the platform's expense of that currency. */
    public record Balances(Currency currency, Map<AccountKind, Money> byKind) {
        public Balances {
            byKind = Map.copyOf(byKind);
        }

        public static Balances zero(Currency currency) {
            Map<AccountKind, Money> m = new EnumMap<>(AccountKind.class);
            for (AccountKind k : AccountKind.values()) {
                m.put(k, Money.zero(currency));
            }
            return new Balances(currency, m);
        }

        public Money get(AccountKind k) {
            return byKind.getOrDefault(k, Money.zero(currency));
        }

        /** What payout-service may still pay: available less what the affiliate owes back (may be negative). */
        public Money payable() {
            return get(AccountKind.AVAILABLE).minus(get(AccountKind.CLAWBACK));
        }

        public Balances apply(List<Posting> postings) {
            Map<AccountKind, Money> m = new EnumMap<>(AccountKind.class);
            m.putAll(byKind);
            for (Posting p : postings) {
                m.merge(p.account(), p.effect(), Money::plus);
            }
            return new Balances(currency, m);
        }

        /** Affiliate accounts never go below zero (EXPENSE is the platform's and only reported). */
        public boolean withinRules() {
            for (AccountKind k : AccountKind.values()) {
                if (k != AccountKind.EXPENSE && get(k).isNegative()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The commission of a payment at a rate, in the currency's scale, rounded down. */
    public static Money commission(Money payment, BigDecimal rate) {
        if (!payment.isPositive()) {
            throw new IllegalArgumentException("a commission is of a positive payment");
        }
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a rate is in (0, 1]");
        }
        return payment.multipliedBy(rate, ROUNDING);
    }

    /**
     * How much of a commission is clawed back once {@code refundedSoFar} of its payment was refunded:
     * commission × refunded / paid, rounded down, so a full refund (or more) claws back the commission
     * exactly and never more.
     */
    public static Money clawedBackTarget(Money commission, Money refundedSoFar, Money paymentAmount) {
        if (refundedSoFar.isGreaterThanOrEqual(paymentAmount)) {
            return commission;
        }
        if (!refundedSoFar.isPositive()) {
            return Money.zero(commission.currency());
        }
        BigDecimal share = commission.amount().multiply(refundedSoFar.amount());
        return Money.of(
                share.divide(paymentAmount.amount(), commission.currency().getDefaultFractionDigits(), ROUNDING),
                commission.currency());
    }

    /** Accrue: the platform's expense, owed to the affiliate once the hold ends. */
    public static List<Posting> accrue(Money amount) {
        return List.of(new Posting(AccountKind.EXPENSE, Side.DEBIT, amount), credit(AccountKind.PENDING, amount));
    }

    /** Release after the hold: pending becomes available, paying off what the affiliate owes back first. */
    public static List<Posting> release(Balances b, Money amount) {
        requireCovered(b, AccountKind.PENDING, amount);
        Money offset = min(amount, b.get(AccountKind.CLAWBACK));
        List<Posting> out = new ArrayList<>();
        out.add(new Posting(AccountKind.PENDING, Side.DEBIT, amount));
        add(out, AccountKind.CLAWBACK, Side.CREDIT, offset);
        add(out, AccountKind.AVAILABLE, Side.CREDIT, amount.minus(offset));
        return out;
    }

    /** A clawback of a commission still in PENDING (in its hold or held for review): no money left us. */
    public static List<Posting> reversePending(Balances b, Money amount) {
        requireCovered(b, AccountKind.PENDING, amount);
        return List.of(new Posting(AccountKind.PENDING, Side.DEBIT, amount), credit(AccountKind.EXPENSE, amount));
    }

    /**
     * A clawback of a released commission: from AVAILABLE as far as it goes, the rest (money already
     * paid out) becomes CLAWBACK, owed by the affiliate and carried against later earnings.
     */
    public static List<Posting> reverseReleased(Balances b, Money amount) {
        return fromAvailableThenOwed(b, amount, AccountKind.EXPENSE);
    }

    /**
     * A payout made by payout-service: from AVAILABLE; if a reversal overtook it (payout-service paid a
     * balance it had not yet seen reduced), the excess is owed back on CLAWBACK.
     */
    public static List<Posting> payout(Balances b, Money amount) {
        return fromAvailableThenOwed(b, amount, AccountKind.PAID);
    }

    /** Debits AVAILABLE as far as it goes and CLAWBACK (owed back) for the rest; credits {@code to}. */
    private static List<Posting> fromAvailableThenOwed(Balances b, Money amount, AccountKind to) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an amount taken from available is positive");
        }
        Money fromAvailable = min(amount, b.get(AccountKind.AVAILABLE));
        List<Posting> out = new ArrayList<>();
        add(out, AccountKind.AVAILABLE, Side.DEBIT, fromAvailable);
        add(out, AccountKind.CLAWBACK, Side.DEBIT, amount.minus(fromAvailable));
        out.add(credit(to, amount));
        return out;
    }

    /** Debits equal credits, one currency, at least one posting each side. */
    public static boolean balanced(List<Posting> postings) {
        if (postings.isEmpty()) {
            return false;
        }
        Currency c = postings.get(0).amount().currency();
        Money debits = Money.zero(c);
        Money credits = Money.zero(c);
        for (Posting p : postings) {
            if (p.side() == Side.DEBIT) {
                debits = debits.plus(p.amount());
            } else {
                credits = credits.plus(p.amount());
            }
        }
        return debits.isPositive() && debits.equals(credits);
    }

    private static void requireCovered(Balances b, AccountKind k, Money amount) {
        if (!amount.isPositive() || b.get(k).compareTo(amount) < 0) {
            throw new IllegalStateException(k + " " + b.get(k) + " does not cover " + amount);
        }
    }

    private static Posting credit(AccountKind k, Money amount) {
        return new Posting(k, Side.CREDIT, amount);
    }

    private static void add(List<Posting> out, AccountKind k, Side side, Money amount) {
        if (amount.isPositive()) {
            out.add(new Posting(k, side, amount));
        }
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
