package io.signaldesk.payout.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.time.Clock;

/**
 * The clock billing reads (webhook signature age, record times), named so payouts can have their own;
 * tests replace it with {@code QuarkusMock.installMockForType(clock, Clock.class, NamedLiteral.of(NAME))}.
 */
public class BillingClock {
    public static final String NAME = "billing-clock";

    @Produces
    @ApplicationScoped
    @Named(NAME)
    Clock clock() {
        return Clock.systemUTC();
    }
}
