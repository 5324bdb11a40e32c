package io.signaldesk.affiliate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.platform.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The rounding and currency rules of docs/money.md, pinned. */
class LedgerRulesTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");

    static Money usd(String a) {
        return Money.of(new BigDecimal(a), USD);
    }

    @Test
    void commissionsRoundDownInTheCurrencysScale() {
        assertThat(LedgerRules.commission(usd("29.00"), new BigDecimal("0.20"))).isEqualTo(usd("5.80"));
        assertThat(LedgerRules.commission(usd("0.01"), new BigDecimal("0.20"))).isEqualTo(usd("0.00"));
        assertThat(LedgerRules.commission(usd("19.99"), new BigDecimal("0.25"))).isEqualTo(usd("4.99")); // 4.9975
        assertThat(LedgerRules.commission(usd("33.33"), new BigDecimal("0.30"))).isEqualTo(usd("9.99")); // 9.999
        Money yen = LedgerRules.commission(Money.of(new BigDecimal("2999"), JPY), new BigDecimal("0.20"));
        assertThat(yen.amount()).isEqualByComparingTo("599"); // 599.8: no minor units
        assertThat(yen.amount().scale()).isZero();
    }

    @Test
    void aCommissionNeedsAPositivePaymentAndARateUpToOne() {
        assertThatThrownBy(() -> LedgerRules.commission(usd("-1.00"), new BigDecimal("0.2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerRules.commission(usd("1.00"), new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialRefundsClawBackProportionallyAndSumToExactlyTheCommission() {
        Money commission = usd("5.80");
        Money paid = usd("29.00");
        Money after1 = LedgerRules.clawedBackTarget(commission, usd("10.00"), paid); // 2.0000
        Money after2 = LedgerRules.clawedBackTarget(commission, usd("20.01"), paid); // 4.0020
        Money after3 = LedgerRules.clawedBackTarget(commission, usd("29.00"), paid);
        assertThat(after1).isEqualTo(usd("2.00"));
        assertThat(after2).isEqualTo(usd("4.00"));
        assertThat(after3).isEqualTo(commission);
        // three refunds of 9.67, 9.67, 9.66 claw back deltas that sum to the commission exactly
        Money a = LedgerRules.clawedBackTarget(commission, usd("9.67"), paid);
        Money b = LedgerRules.clawedBackTarget(commission, usd("19.34"), paid).minus(a);
        Money c = LedgerRules.clawedBackTarget(commission, usd("29.00"), paid)
                .minus(a)
                .minus(b);
        assertThat(a.plus(b).plus(c)).isEqualTo(commission);
        // more refunded than paid (a dispute after a refund) never claws back more than the commission
        assertThat(LedgerRules.clawedBackTarget(commission, usd("40.00"), paid)).isEqualTo(commission);
    }

    @Test
    void aReversalOfPaidMoneyIsOwedBackAndPaidOffByTheNextRelease() {
        var b = LedgerRules.Balances.zero(USD);
        b = b.apply(LedgerRules.accrue(usd("5.80")));
        b = b.apply(LedgerRules.release(b, usd("5.80")));
        b = b.apply(LedgerRules.payout(b, usd("5.80")));
        b = b.apply(LedgerRules.reverseReleased(b, usd("5.80")));
        assertThat(b.get(AccountKind.AVAILABLE)).isEqualTo(usd("0.00"));
        assertThat(b.get(AccountKind.CLAWBACK)).isEqualTo(usd("5.80"));
        assertThat(b.payable()).isEqualTo(usd("-5.80"));
        b = b.apply(LedgerRules.accrue(usd("8.00")));
        b = b.apply(LedgerRules.release(b, usd("8.00")));
        assertThat(b.get(AccountKind.CLAWBACK)).isEqualTo(usd("0.00"));
        assertThat(b.get(AccountKind.AVAILABLE)).isEqualTo(usd("2.20"));
        assertThat(b.get(AccountKind.PAID)).isEqualTo(usd("5.80"));
        assertThat(b.get(AccountKind.EXPENSE)).isEqualTo(usd("8.00"));
        assertThat(b.withinRules()).isTrue();
    }

    @Test
    void pendingCannotBeReleasedOrReversedBeyondWhatItHolds() {
        var b = LedgerRules.Balances.zero(USD).apply(LedgerRules.accrue(usd("1.00")));
        var held = b;
        assertThatThrownBy(() -> LedgerRules.release(held, usd("1.01"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LedgerRules.reversePending(held, usd("1.01")))
                .isInstanceOf(IllegalStateException.class);
    }
}
