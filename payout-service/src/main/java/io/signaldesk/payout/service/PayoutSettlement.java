package io.signaldesk.payout.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.EarningsEntryKind;
import io.signaldesk.payout.Payout;
import io.signaldesk.payout.repository.EarningsEntryRepository;
import io.signaldesk.payout.repository.PayoutRepository;
import io.signaldesk.platform.events.MoneyEvents.PayoutFailed;
import io.signaldesk.platform.events.MoneyEvents.PayoutPaid;
import io.signaldesk.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The end of an attempt, each in one transaction: PAID writes the PAID entry (the balance goes down)
 * and PayoutPaid to the outbox; FAILED ends the reservation (the money is payable again) and writes
 * PayoutFailed; a retry only moves the next attempt. Each is conditional on the payout still being
 * open, so whichever of two racing settlements comes second changes nothing.
 */
@ApplicationScoped
public class PayoutSettlement {
    private static final Logger LOG = Logger.getLogger(PayoutSettlement.class);

    private final PayoutRepository payouts;
    private final EarningsEntryRepository entries;
    private final Outbox outbox;
    private final MeterRegistry registry;

    public PayoutSettlement(
            PayoutRepository payouts, EarningsEntryRepository entries, Outbox outbox, MeterRegistry registry) {
        this.payouts = payouts;
        this.entries = entries;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** @return true when this call moved it to PAID */
    public Uni<Boolean> paid(Payout p, String transferId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> payouts.markPaid(p.id, transferId)
                        .chain(moved -> !moved
                                ? Uni.createFrom().item(Boolean.FALSE)
                                : entries.append(
                                                EarningsEntryKind.PAID,
                                                p.affiliateId,
                                                p.id,
                                                p.money().negated())
                                        .chain(() -> outbox.enqueue(
                                                new PayoutPaid(p.id, p.affiliateId, p.money(), transferId, now)))
                                        .replaceWith(Boolean.TRUE)))
                .invoke(moved -> {
                    if (moved) {
                        LOG.infof("payout %s PAID (%s)", p.id, p.currency);
                        registry.counter("signaldesk.payouts.settled", "outcome", "paid")
                                .increment();
                        registry.counter("signaldesk.payouts.paid.minor.units", "currency", p.currency)
                                .increment(p.money().toMinorUnits());
                    }
                });
    }

    /** @return true when this call moved it to FAILED */
    public Uni<Boolean> failed(Payout p, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> payouts.markFailed(p.id, reason)
                        .chain(moved -> !moved
                                ? Uni.createFrom().item(Boolean.FALSE)
                                : outbox.enqueue(new PayoutFailed(p.id, p.affiliateId, p.money(), reason, now))
                                        .replaceWith(Boolean.TRUE)))
                .invoke(moved -> {
                    if (moved) {
                        LOG.warnf("payout %s FAILED: %s", p.id, reason);
                        registry.counter("signaldesk.payouts.settled", "outcome", "failed")
                                .increment();
                    }
                });
    }

    public Uni<Boolean> retryLater(Payout p, Duration delay, String reason) {
        return Panache.withTransaction(() -> payouts.retryLater(p.id, delay, reason))
                .invoke(moved -> {
                    if (moved) {
                        LOG.warnf("payout %s attempt failed (%s), retrying in %s", p.id, reason, delay);
                        registry.counter("signaldesk.payouts.settled", "outcome", "retrying")
                                .increment();
                    }
                });
    }
}
