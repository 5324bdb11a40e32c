package io.signaldesk.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * {@code @Digits} for numbers, with the same rule as Hibernate Validator's own validator but counted
 * in {@code long}: the built-in one computes {@code precision - scale} as an {@code int}, which
 * overflows for {@code 1e2147483647} and lets it through (to fail later as a 500). Registered in
 * place of the built-in validators by {@link SafeDigits}.
 */
public class SafeDigitsValidator implements ConstraintValidator<Digits, Number> {
    private long maxInteger;
    private long maxFraction;

    @Override
    public void initialize(Digits digits) {
        maxInteger = digits.integer();
        maxFraction = digits.fraction();
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        BigDecimal d;
        try {
            d = (value instanceof BigDecimal b ? b : new BigDecimal(value.toString())).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return false; // NaN, infinities
        }
        long integerPart = (long) d.precision() - d.scale();
        long fractionPart = Math.max(d.scale(), 0);
        return integerPart <= maxInteger && fractionPart <= maxFraction;
    }
}
