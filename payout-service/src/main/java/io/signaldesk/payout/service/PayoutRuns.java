package io.signaldesk.payout.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.signaldesk.payout.Payout;
import io.signaldesk.payout.config.PayoutConfig;
import io.signaldesk.payout.repository.EarningsBalanceRepository;
import io.signaldesk.payout.repository.EarningsBalanceRepository.Candidate;
import io.signaldesk.payout.repository.PayoutRepository;
import io.signaldesk.payout.stripe.StripeCalls;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Payout runs (docs/money.md "Payouts"). A run first recovers (asks Stripe about every SUBMITTED
 * payout: a transfer found means it is PAID), then requests a payout for every connected balance at
 * or over its currency's threshold (the balance row locked, at most one open payout per affiliate and
 * currency), then attempts every payout that is due. Runs may overlap (the scheduler, the admin
 * endpoint, other instances): rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, every
 * state change is conditional, and Stripe dedupes by the payout id.
 */
@ApplicationScoped
public class PayoutRuns {
    private static final Logger LOG = Logger.getLogger(PayoutRuns.class);
    /** A run's bound on attempts, so one run always ends. */
    private static final int MAX_ATTEMPTS_PER_RUN = 1000;

    private static final int BATCH = 500;

    /** What one run did. */
    public record RunSummary(int recovered, int requested, int paid, int failed, int retrying) {}

    private enum Outcome {
        PAID,
        FAILED,
        RETRYING,
        NONE
    }

    private final PayoutRepository payouts;
    private final EarningsBalanceRepository balances;
    private final PayoutTransfers transfers;
    private final PayoutSettlement settlement;
    private final StripeCalls stripe;
    private final PayoutConfig config;
    private final MeterRegistry registry;
    private final Map<String, Money> thresholds;

    public PayoutRuns(
            PayoutRepository payouts,
            EarningsBalanceRepository balances,
            PayoutTransfers transfers,
            PayoutSettlement settlement,
            StripeCalls stripe,
            PayoutConfig config,
            MeterRegistry registry) {
        this.payouts = payouts;
        this.balances = balances;
        this.transfers = transfers;
        this.settlement = settlement;
        this.stripe = stripe;
        this.config = config;
        this.registry = registry;
        this.thresholds = thresholds(config.threshold());
    }

    /** Each threshold as Money: a known currency, exact in its scale, positive; anything else stops startup. */
    static Map<String, Money> thresholds(Map<String, BigDecimal> configured) {
        Map<String, Money> out = new java.util.HashMap<>();
        configured.forEach((code, value) -> {
            Money m;
            try {
                m = Money.of(value, Currency.getInstance(code));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalStateException("payout.run.threshold." + code + " is not an amount of a currency", e);
            }
            if (!m.isPositive()) {
                throw new IllegalStateException("payout.run.threshold." + code + " must be positive");
            }
            out.put(m.currencyCode(), m);
        });
        return Map.copyOf(out);
    }

    /** The threshold of a currency, if it is paid out at all. */
    public Optional<Money> threshold(String currency) {
        return Optional.ofNullable(thresholds.get(currency));
    }

    void start(@Observes StartupEvent ignored, Scheduler scheduler, Vertx vertx) {
        if (config.scheduled()) {
            scheduler
                    .newJob("payout-run")
                    .setCron(config.cron())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> quietly("scheduled run", run().replaceWithVoid()))
                    .schedule();
            scheduler
                    .newJob("payout-retry-sweep")
                    .setInterval(config.retrySweep().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(
                            execution -> quietly("retry sweep", attemptDue().replaceWithVoid()))
                    .schedule();
        }
        // Recovery on startup: a payout this process (or a dead one) left SUBMITTED may have been paid.
        Context ctx = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(ctx, true);
        ctx.runOnContext(v -> quietly(
                        "startup recovery",
                        stripe.configured()
                                ? recover()
                                        .invoke(found -> LOG.infof("payouts: startup recovery found %d paid", found))
                                        .replaceWithVoid()
                                : null)
                .subscribe()
                .with(ok -> {}));
    }

    private static Uni<Void> quietly(String what, Uni<Void> work) {
        if (work == null) {
            return Uni.createFrom().voidItem();
        }
        return work.onFailure()
                .invoke(t -> LOG.warnf("payouts: %s failed: %s", what, t.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** One whole run; refused with a 503 problem when Stripe is not configured (nothing is requested then). */
    public Uni<RunSummary> run() {
        if (!stripe.configured()) {
            return Uni.createFrom()
                    .failure(new ProblemException(Problem.of(
                            503, "stripe-not-configured", "Stripe unavailable", "Stripe is not configured here")));
        }
        return recover()
                .chain(recovered -> request()
                        .chain(requested ->
                                attemptDue().map(o -> new RunSummary(recovered, requested, o[0], o[1], o[2]))))
                .invoke(s -> LOG.infof(
                        "payout run: %d recovered, %d requested, %d paid, %d failed, %d retrying",
                        s.recovered(), s.requested(), s.paid(), s.failed(), s.retrying()));
    }

    /**
     * Asks Stripe about every SUBMITTED payout (oldest first, up to a batch): a transfer in its group
     * means Stripe paid it, whatever this service heard, so it is PAID with that transfer. One not
     * found is left for its next attempt, which posts again with the same idempotency key.
     *
     * @return how many were found paid
     */
    public Uni<Integer> recover() {
        AtomicInteger found = new AtomicInteger();
        return Panache.withSession(() -> payouts.submitted(BATCH))
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> recoverOne(id)
                                .invoke(paid -> {
                                    if (paid) {
                                        found.incrementAndGet();
                                    }
                                })
                                .onFailure()
                                .invoke(t -> LOG.warnf("payout %s: recovery failed: %s", id, t.toString()))
                                .onFailure()
                                .recoverWithItem(false)
                                .replaceWithVoid());
                    }
                    return chain;
                })
                .map(v -> found.get());
    }

    private Uni<Boolean> recoverOne(UUID id) {
        return transfers.find(id).chain(transfer -> {
            registry.counter(
                            "signaldesk.payouts.recovery",
                            "finding",
                            transfer.isPresent() ? "transfer-found" : "no-transfer")
                    .increment();
            if (transfer.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            return Panache.withSession(() -> payouts.findById(id))
                    .chain(p -> p == null ? Uni.createFrom().item(false) : settlement.paid(p, transfer.get()));
        });
    }

    /** A REQUESTED payout for each connected balance at or over its threshold with none open. */
    Uni<Integer> request() {
        AtomicInteger created = new AtomicInteger();
        return Panache.withSession(() -> balances.candidates(BATCH)).chain(candidates -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Candidate c : candidates) {
                Optional<Money> threshold = threshold(c.currency());
                if (threshold.isEmpty()) {
                    continue;
                }
                chain = chain.chain(() -> requestOne(c, threshold.get()).invoke(made -> {
                            if (made) {
                                created.incrementAndGet();
                            }
                        }))
                        .replaceWithVoid();
            }
            return chain.map(v -> created.get());
        });
    }

    /**
     * In one transaction: the balance row locked (a run holding it is deciding it: skip), the amount
     * is the payable balance minus what open payouts reserve, and a payout is requested for all of it
     * when that reaches the threshold. The partial unique index refuses a second open payout.
     */
    private Uni<Boolean> requestOne(Candidate c, Money threshold) {
        return Panache.withTransaction(() -> balances.lockPayable(c.affiliateId(), c.currency())
                        .chain(payable -> payable == null
                                ? Uni.createFrom().item(false)
                                : payouts.reserved(c.affiliateId(), c.currency())
                                        .chain(reserved -> {
                                            Money available =
                                                    Money.of(payable.subtract(reserved), threshold.currency());
                                            if (!available.isGreaterThanOrEqual(threshold)) {
                                                return Uni.createFrom().item(false);
                                            }
                                            return payouts.request(
                                                    UUID.randomUUID(),
                                                    c.affiliateId(),
                                                    c.currency(),
                                                    available.amount(),
                                                    c.destination());
                                        })))
                .invoke(made -> {
                    if (made) {
                        registry.counter("signaldesk.payouts.requested").increment();
                    }
                });
    }

    /** Attempts every due payout, one claim at a time; the item counts paid, failed and retrying. */
    public Uni<int[]> attemptDue() {
        int[] counts = new int[3];
        return attemptNext(counts, 0).replaceWith(counts);
    }

    private Uni<Void> attemptNext(int[] counts, int done) {
        if (done >= MAX_ATTEMPTS_PER_RUN) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> payouts.claimNext(config.lease())
                        .chain(claim ->
                                claim == null ? Uni.createFrom().<Payout>nullItem() : payouts.findById(claim.id())))
                .chain(p -> {
                    if (p == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return attempt(p)
                            .invoke(o -> {
                                switch (o) {
                                    case PAID -> counts[0]++;
                                    case FAILED -> counts[1]++;
                                    case RETRYING -> counts[2]++;
                                    case NONE -> {}
                                }
                            })
                            .chain(o -> attemptNext(counts, done + 1));
                });
    }

    /**
     * One attempt of a claimed payout. From its second attempt on, Stripe is asked first: a transfer
     * in its group means it was paid. Otherwise the transfer is posted with the payout id as key.
     */
    private Uni<Outcome> attempt(Payout p) {
        Uni<Optional<String>> prior =
                p.attempts > 1 ? transfers.find(p.id) : Uni.createFrom().item(Optional.empty());
        return prior.onItemOrFailure().transformToUni((found, lookupFailed) -> {
            if (lookupFailed != null) {
                return retry(p, PayoutTransfers.classify(lookupFailed).reason());
            }
            if (found.isPresent()) {
                return paid(p, found.get());
            }
            return transfers.send(p).onItemOrFailure().transformToUni((transferId, failed) -> {
                if (failed == null) {
                    return paid(p, transferId);
                }
                PayoutTransfers.Failure f = PayoutTransfers.classify(failed);
                if (!f.retryable()) {
                    return fail(p, f.reason());
                }
                if (p.attempts >= config.maxAttempts()) {
                    return giveUp(p, f.reason());
                }
                return retry(p, f.reason());
            });
        });
    }

    /**
     * Out of attempts: FAILED only once Stripe confirms there is no transfer (a lookup that fails
     * keeps it SUBMITTED for the next sweep; a transfer found means PAID after all).
     */
    private Uni<Outcome> giveUp(Payout p, String reason) {
        return transfers.find(p.id).onItemOrFailure().transformToUni((found, lookupFailed) -> {
            if (lookupFailed != null) {
                return settlement.retryLater(p, config.backoffMax(), reason).replaceWith(Outcome.RETRYING);
            }
            if (found.isPresent()) {
                return paid(p, found.get());
            }
            return fail(p, "gave up after " + p.attempts + " attempts, last: " + reason);
        });
    }

    private Uni<Outcome> paid(Payout p, String transferId) {
        return settlement.paid(p, transferId).map(moved -> moved ? Outcome.PAID : Outcome.NONE);
    }

    private Uni<Outcome> fail(Payout p, String reason) {
        return settlement.failed(p, reason).map(moved -> moved ? Outcome.FAILED : Outcome.NONE);
    }

    private Uni<Outcome> retry(Payout p, String reason) {
        return settlement
                .retryLater(p, backoff(p.attempts), reason)
                .map(moved -> moved ? Outcome.RETRYING : Outcome.NONE);
    }

    /** {@code backoff-initial} doubled per attempt after the first, at most {@code backoff-max}. */
    Duration backoff(int attempts) {
        Duration d = config.backoffInitial().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return d.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : d;
    }
}
