package io.signaldesk.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void amountsTakeTheCurrencyScaleAndRefuseSilentRounding() {
        assertThat(Money.of(new BigDecimal("12.5"), USD).amount()).isEqualByComparingTo("12.50");
        assertThat(Money.of(new BigDecimal("12.5"), USD).amountString()).isEqualTo("12.50");
        assertThat(Money.of(new BigDecimal("1500"), JPY).amountString()).isEqualTo("1500");
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.005"), USD)).isInstanceOf(ArithmeticException.class);
        assertThat(Money.of(new BigDecimal("0.005"), USD, RoundingMode.HALF_EVEN)
                        .amountString())
                .isEqualTo("0.00");
        assertThat(Money.of(new BigDecimal("0.015"), USD, RoundingMode.HALF_EVEN)
                        .amountString())
                .isEqualTo("0.02");
    }

    @Test
    void arithmeticIsExactAndCurrenciesDoNotMix() {
        Money a = Money.of("0.10", "USD");
        Money b = Money.of("0.20", "USD");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "USD")); // 0.1 + 0.2 is 0.3 here
        assertThat(b.minus(a).minus(a).isZero()).isTrue();
        assertThat(Money.of("100.00", "USD").multipliedBy(new BigDecimal("0.333"), RoundingMode.DOWN))
                .isEqualTo(Money.of("33.30", "USD"));
        assertThatThrownBy(() -> a.plus(Money.of("1.00", "EUR"))).isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> a.compareTo(Money.zero(EUR))).isInstanceOf(Money.CurrencyMismatchException.class);
    }

    @Test
    void equalityIsByValueAndMinorUnitsRoundTrip() {
        assertThat(Money.of(new BigDecimal("1.0"), USD)).isEqualTo(Money.of(new BigDecimal("1.00"), USD));
        assertThat(Money.of(new BigDecimal("1.0"), USD).hashCode())
                .isEqualTo(Money.of(new BigDecimal("1.00"), USD).hashCode());
        assertThat(Money.ofMinor(1999, USD)).isEqualTo(Money.of("19.99", "USD"));
        assertThat(Money.of("19.99", "USD").toMinorUnits()).isEqualTo(1999);
        assertThat(Money.ofMinor(1999, JPY).amountString()).isEqualTo("1999");
    }

    @Test
    void jsonCarriesTheAmountAsAString() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String json = m.writeValueAsString(Money.of("1234.50", "EUR"));
        assertThat(json).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
        assertThat(m.readValue(json, Money.class)).isEqualTo(Money.of("1234.5", "EUR"));
    }
}
