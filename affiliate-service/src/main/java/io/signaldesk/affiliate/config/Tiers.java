package io.signaldesk.affiliate.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The commission rate by the affiliate's count of paying referrals, read once from {@code affiliate.tiers}. */
@ApplicationScoped
public class Tiers {
    private final NavigableMap<Integer, BigDecimal> rates;

    public Tiers(AffiliateConfig config) {
        this.rates = parse(config.tiers());
    }

    static NavigableMap<Integer, BigDecimal> parse(String spec) {
        NavigableMap<Integer, BigDecimal> out = new TreeMap<>();
        for (String pair : spec.split(",")) {
            String[] p = pair.trim().split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException("affiliate.tiers: '" + pair + "' is not min:rate");
            }
            int min = Integer.parseInt(p[0].trim());
            BigDecimal rate = new BigDecimal(p[1].trim());
            if (min < 0 || rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 6) {
                throw new IllegalArgumentException("affiliate.tiers: '" + pair + "' needs min >= 0 and 0 < rate <= 1");
            }
            out.put(min, rate);
        }
        if (!out.containsKey(0)) {
            throw new IllegalArgumentException("affiliate.tiers needs a tier from 0 referrals");
        }
        return out;
    }

    /** The rate of an affiliate with {@code payingReferrals} paying referrals. */
    public BigDecimal rate(long payingReferrals) {
        Map.Entry<Integer, BigDecimal> e = rates.floorEntry((int) Math.min(Integer.MAX_VALUE, payingReferrals));
        return e.getValue();
    }
}
