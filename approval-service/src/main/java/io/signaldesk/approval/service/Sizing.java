package io.signaldesk.approval.service;

import io.signaldesk.approval.Subscription;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Trade volume (lots, 0.01 steps) from a subscription's sizing rule. Risk-% sizing risks
 * {@code equity * riskPercent / 100} between entry and stop loss:
 * {@code lots = risk / (|entry - stopLoss| * contractSize)}, rounded down, within [0.01, maxVolume].
 * Without a known equity (no snapshot yet) it falls back to the minimum lot.
 */
public final class Sizing {
    public static final BigDecimal MIN_LOT = new BigDecimal("0.01");

    private Sizing() {}

    /** Units per lot: 100,000 for six-letter FX pairs, 100 for metals (XAU/XAG), 1 otherwise. */
    public static BigDecimal contractSize(String instrument) {
        if (instrument.startsWith("XAU") || instrument.startsWith("XAG")) {
            return BigDecimal.valueOf(100);
        }
        if (instrument.matches("[A-Z]{6}")) {
            return BigDecimal.valueOf(100_000);
        }
        return BigDecimal.ONE;
    }

    public static BigDecimal volume(
            Subscription s, String instrument, BigDecimal entry, BigDecimal stopLoss, BigDecimal equity) {
        BigDecimal v;
        if (s.sizingMode == Subscription.Sizing.FIXED) {
            v = s.fixedVolume;
        } else if (equity == null || equity.signum() <= 0) {
            v = MIN_LOT;
        } else {
            BigDecimal risk = equity.multiply(s.riskPercent).movePointLeft(2);
            BigDecimal perLot = entry.subtract(stopLoss).abs().multiply(contractSize(instrument));
            v = perLot.signum() == 0 ? MIN_LOT : risk.divide(perLot, 2, RoundingMode.DOWN);
        }
        if (v.compareTo(MIN_LOT) < 0) {
            v = MIN_LOT;
        }
        return v.min(s.maxVolume).setScale(2, RoundingMode.DOWN);
    }
}
