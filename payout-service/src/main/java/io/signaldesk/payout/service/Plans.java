package io.signaldesk.payout.service;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.payout.config.PlanConfig;
import io.signaldesk.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The premium tiers from configuration, checked once: FREE exists and costs nothing, every paid plan
 * has a Stripe price id (each used once), prices are exact in their currency's scale and not negative,
 * entitlements are not negative. A service with a broken plan table does not start.
 */
@ApplicationScoped
public class Plans {
    public static final String FREE = "FREE";

    /** One tier: its price and what it entitles to. */
    public record Plan(String name, Money price, Optional<String> priceId, int maxDevices, int maxSubscriptions) {
        public boolean free() {
            return price.isZero();
        }
    }

    private final List<Plan> all;
    private final Map<String, Plan> byName = new HashMap<>();
    private final Map<String, Plan> byPriceId = new HashMap<>();

    public Plans(PlanConfig config) {
        List<String> problems = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        config.plans().forEach((name, p) -> {
            Money price;
            try {
                price = Money.of(
                        new BigDecimal(p.price().trim()),
                        Currency.getInstance(p.currency().trim()));
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(name + ": price '" + p.price() + "' is not exact in " + p.currency());
                return;
            } catch (IllegalArgumentException e) {
                problems.add(name + ": currency '" + p.currency() + "' is not an ISO 4217 code");
                return;
            }
            Optional<String> priceId = p.priceId().map(String::trim).filter(s -> !s.isEmpty());
            if (price.isNegative()) {
                problems.add(name + ": price is negative");
            }
            if (price.isPositive() && priceId.isEmpty()) {
                problems.add(name + ": a paid plan needs a Stripe price-id");
            }
            if (p.maxDevices() < 0 || p.maxSubscriptions() < 0) {
                problems.add(name + ": entitlements cannot be negative");
            }
            Plan plan = new Plan(name, price, priceId, p.maxDevices(), p.maxSubscriptions());
            priceId.ifPresent(id -> {
                if (byPriceId.put(id, plan) != null) {
                    problems.add(name + ": price-id " + id + " is used by another plan");
                }
            });
            byName.put(name, plan);
            plans.add(plan);
        });
        Plan free = byName.get(FREE);
        if (free == null) {
            problems.add("FREE is missing (payout.plans.FREE.*): it is the tier of everyone without a subscription");
        } else if (!free.free() || free.priceId().isPresent()) {
            problems.add("FREE must cost nothing and have no price-id");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid plans: " + String.join("; ", problems));
        }
        plans.sort(Comparator.comparing((Plan pl) -> pl.price().amount()).thenComparing(Plan::name));
        this.all = List.copyOf(plans);
    }

    /** Fails the startup on a broken plan table rather than the first checkout. */
    void check(@Observes StartupEvent ev) {
        all.size();
    }

    /** Cheapest first. */
    public List<Plan> all() {
        return all;
    }

    public Optional<Plan> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Optional<Plan> byPriceId(String priceId) {
        return Optional.ofNullable(priceId == null ? null : byPriceId.get(priceId));
    }

    public Plan free() {
        return byName.get(FREE);
    }

    /** The plan of a tier name as stored; FREE when the tier is no longer configured. */
    public Plan of(String tier) {
        return named(tier).orElse(free());
    }
}
