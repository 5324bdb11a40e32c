package io.signaldesk.platform.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An immutable amount of one currency. The amount always has the currency's scale (2 for USD, 0 for
 * JPY); every operation that could produce more digits takes an explicit {@link RoundingMode}.
 * Mixing currencies throws. Equality is by value and currency ({@code 1.0 USD == 1.00 USD}).
 * Serialized as {@code {"amount":"12.34","currency":"USD"}}: the amount is a string so no JSON
 * reader turns it into a binary floating-point number.
 */
@JsonAutoDetect(
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class Money implements Comparable<Money> {
    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** Exact: throws {@link ArithmeticException} when the amount has more digits than the currency allows. */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY), currency);
    }

    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), rounding), currency);
    }

    @JsonCreator
    public static Money of(@JsonProperty("amount") String amount, @JsonProperty("currency") String currencyCode) {
        if (amount == null || currencyCode == null) {
            throw new IllegalArgumentException("money needs amount and currency");
        }
        return of(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** From minor units (cents), as Stripe counts. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    public BigDecimal amount() {
        return amount;
    }

    @JsonProperty("amount")
    public String amountString() {
        return amount.toPlainString();
    }

    public Currency currency() {
        return currency;
    }

    @JsonProperty("currency")
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public long toMinorUnits() {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return new Money(amount.multiply(factor).setScale(currency.getDefaultFractionDigits(), rounding), currency);
    }

    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThanOrEqual(Money other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    public static final class CurrencyMismatchException extends IllegalArgumentException {
        public CurrencyMismatchException(Currency a, Currency b) {
            super("currency mismatch: " + a.getCurrencyCode() + " vs " + b.getCurrencyCode());
        }
    }
}
