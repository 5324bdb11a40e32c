package io.signaldesk.affiliate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.affiliate.Commission;
import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.affiliate.config.AffiliateConfig;
import io.signaldesk.affiliate.repository.CommissionRepository;
import io.signaldesk.platform.events.MoneyEvents.EarningsReleased;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The release sweep: PENDING commissions whose hold has elapsed become RELEASED, what is left of them
 * after clawbacks moves PENDING → AVAILABLE, and EarningsReleased goes to commissions.v1 through the
 * outbox in the same transaction. Rows are taken with SKIP LOCKED, so replicas never release twice.
 */
@ApplicationScoped
public class ReleasingCommissions {
    private static final Logger LOG = Logger.getLogger(ReleasingCommissions.class);
    private static final int BATCH = 100;

    private final CommissionRepository commissions;
    private final EarningsLedger ledger;
    private final Outbox outbox;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ReleasingCommissions(
            CommissionRepository commissions,
            EarningsLedger ledger,
            Outbox outbox,
            AffiliateConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.commissions = commissions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        scheduler
                .newJob("affiliate-release-sweep")
                .setInterval(config.releaseSweep().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> sweep())
                .schedule();
    }

    Uni<Void> sweep() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> commissions.lockDue(now, BATCH).chain(this::releaseAll))
                .onFailure()
                .invoke(t -> LOG.warnf("release sweep failed: %s", t.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> releaseAll(List<Commission> due) {
        Uni<?> chain = Uni.createFrom().voidItem();
        for (Commission c : due) {
            chain = chain.chain(() -> release(c));
        }
        return chain.replaceWithVoid();
    }

    private Uni<Void> release(Commission c) {
        Instant now = clock.instant();
        Currency cur = Currency.getInstance(c.currency);
        Money rest = Money.of(c.amount, cur).minus(Money.of(c.clawedBack, cur));
        c.status = Commission.Status.RELEASED;
        c.releasedAt = now;
        if (!rest.isPositive()) {
            return Uni.createFrom().voidItem();
        }
        metrics.counter("signaldesk.affiliate.commissions", "outcome", "released")
                .increment();
        return ledger.post(
                        JournalEntry.Kind.RELEASE,
                        "release:" + c.id,
                        c.affiliateId,
                        cur,
                        b -> LedgerRules.release(b, rest))
                .chain(entryId -> entryId == null
                        ? Uni.createFrom().voidItem()
                        : outbox.enqueue(new EarningsReleased(entryId, c.affiliateId, rest, now))
                                .replaceWithVoid());
    }
}
