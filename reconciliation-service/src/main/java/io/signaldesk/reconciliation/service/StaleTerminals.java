package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.reconciliation.config.ReconciliationConfig;
import io.signaldesk.reconciliation.repository.AccountRepository;
import io.signaldesk.reconciliation.repository.GuardConfigRepository;
import io.signaldesk.reconciliation.repository.UserVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The stale-terminal guard: accounts whose terminal has sent no snapshot for longer than their
 * thresholds are raised to WARN, then BLOCK (published like every guard); the next snapshot clears
 * it. A sweep, safe on several replicas (the accounts it takes are locked, others skip them).
 */
@ApplicationScoped
public class StaleTerminals {
    private static final Logger LOG = Logger.getLogger(StaleTerminals.class);

    private final AccountRepository accounts;
    private final GuardConfigRepository configs;
    private final UserVersionRepository versions;
    private final Guards guards;
    private final StatusCache cache;
    private final ReconciliationConfig config;

    public StaleTerminals(
            AccountRepository accounts,
            GuardConfigRepository configs,
            UserVersionRepository versions,
            Guards guards,
            StatusCache cache,
            ReconciliationConfig config) {
        this.config = config;
        this.accounts = accounts;
        this.configs = configs;
        this.versions = versions;
        this.guards = guards;
        this.cache = cache;
    }

    /** Every {@code reconciliation.stale-sweep}; a sweep still running when the next is due is skipped. */
    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        scheduler
                .newJob("stale-terminal-sweep")
                .setInterval(config.staleSweep().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> sweep())
                .schedule();
    }

    Uni<Void> sweep() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Changed> changed = new ArrayList<>();
        java.util.Set<UUID> users = new java.util.HashSet<>();
        return Panache.withTransaction(() -> accounts.lockStale(100).chain(ids -> {
                    users.clear(); // a retried transaction starts over
                    changed.clear();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> accounts.findById(id)
                                .chain(a -> configs.findById(id).chain(c -> {
                                    long age = Duration.between(a.lastReportedAt(), now)
                                            .toSeconds();
                                    return guards.stale(a, c, age, now)
                                            .invoke(escalated -> {
                                                if (escalated) {
                                                    users.add(a.userId);
                                                }
                                            })
                                            .replaceWithVoid();
                                })));
                    }
                    return chain.chain(() -> versions.bumpAll(users))
                            .invoke(bumped -> bumped.forEach((u, v) -> changed.add(new Changed(u, v))))
                            .replaceWithVoid();
                }))
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Changed c : changed) {
                        chain = chain.chain(() -> cache.invalidate(c.userId(), c.version()));
                    }
                    return chain;
                })
                .onFailure()
                .invoke(t -> LOG.warnf("stale-terminal sweep failed: %s", t.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
