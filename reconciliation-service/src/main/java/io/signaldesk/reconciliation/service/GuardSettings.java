package io.signaldesk.reconciliation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.reconciliation.Account;
import io.signaldesk.reconciliation.GuardConfig;
import io.signaldesk.reconciliation.repository.AccountRepository;
import io.signaldesk.reconciliation.repository.GuardConfigRepository;
import io.signaldesk.reconciliation.repository.GuardStateRepository;
import io.signaldesk.reconciliation.repository.UserVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A trader's guard thresholds per account, and clearing a drawdown guard (audited). */
@ApplicationScoped
public class GuardSettings {
    /** Validated thresholds (the caller checks shape and order); a null stage is off. */
    public record Settings(
            UUID deviceId,
            String timeZone,
            BigDecimal drawdownWarn,
            BigDecimal drawdownBlock,
            BigDecimal drawdownClose,
            BigDecimal dailyLossWarn,
            BigDecimal dailyLossBlock,
            BigDecimal dailyLossClose,
            Integer staleWarnSeconds,
            Integer staleBlockSeconds) {}

    private final AccountRepository accounts;
    private final GuardConfigRepository configs;
    private final GuardStateRepository states;
    private final UserVersionRepository versions;
    private final Guards guards;

    public GuardSettings(
            AccountRepository accounts,
            GuardConfigRepository configs,
            GuardStateRepository states,
            UserVersionRepository versions,
            Guards guards) {
        this.accounts = accounts;
        this.configs = configs;
        this.states = states;
        this.versions = versions;
        this.guards = guards;
    }

    /** The config applies from the account's next snapshot on. */
    public Uni<Changed> configure(UUID userId, Settings s) {
        // the account locked first, as its snapshots lock it; the peak restarts from the current equity:
        // the thresholds apply from now, not against a peak from before them
        return Panache.withTransaction(() -> accounts.findForUpdate(s.deviceId())
                .map(a -> owner(userId, s.deviceId(), a))
                .chain(a -> configs.findById(a.deviceId)
                        .chain(existing -> {
                            a.equityPeak = a.equity;
                            GuardConfig c = existing == null ? new GuardConfig() : existing;
                            c.deviceId = a.deviceId;
                            c.userId = userId;
                            c.timeZone = s.timeZone();
                            c.drawdownWarn = s.drawdownWarn();
                            c.drawdownBlock = s.drawdownBlock();
                            c.drawdownClose = s.drawdownClose();
                            c.dailyLossWarn = s.dailyLossWarn();
                            c.dailyLossBlock = s.dailyLossBlock();
                            c.dailyLossClose = s.dailyLossClose();
                            c.staleWarnSeconds = s.staleWarnSeconds();
                            c.staleBlockSeconds = s.staleBlockSeconds();
                            c.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return (existing == null
                                    ? configs.persist(c).replaceWithVoid()
                                    : Uni.createFrom().voidItem());
                        })
                        .chain(() -> versions.bump(userId))
                        .map(v -> new Changed(userId, v))));
    }

    /**
     * The trader clears a DRAWDOWN guard: its stage goes, the equity peak starts again from today's
     * equity, and GuardCleared lifts approval-service's block. DAILY_LOSS clears itself at the reset.
     */
    public Uni<Changed> clear(UUID userId, UUID deviceId, GuardKind kind) {
        if (kind != GuardKind.DRAWDOWN) {
            return Uni.createFrom()
                    .failure(ProblemException.conflict(
                            "guard-clears-itself", "A DAILY_LOSS guard clears itself when the trading day resets"));
        }
        // locked on first read: Hibernate Reactive cannot upgrade the lock of an account already in the session
        return Panache.withTransaction(() -> accounts.findForUpdate(deviceId)
                .map(a -> owner(userId, deviceId, a))
                .chain(a -> states.of(a.deviceId, kind).chain(s -> {
                    if (s == null) {
                        return Uni.createFrom()
                                .failure(ProblemException.conflict(
                                        "guard-not-triggered",
                                        "The " + kind + " guard of this account has not been triggered"));
                    }
                    a.equityPeak = a.equity;
                    return guards.clear(a, s, "user:" + userId, Instant.now());
                }))
                .chain(() -> versions.bump(userId))
                .map(v -> new Changed(userId, v)));
    }

    public Uni<GuardConfig> config(UUID userId, UUID deviceId) {
        return Panache.withSession(() -> owned(userId, deviceId).chain(a -> configs.findById(a.deviceId)));
    }

    /** The trader's account; anyone else's (or one we never heard from) is not found. */
    private Uni<Account> owned(UUID userId, UUID deviceId) {
        return accounts.findById(deviceId).map(a -> owner(userId, deviceId, a));
    }

    private static Account owner(UUID userId, UUID deviceId, Account a) {
        if (a == null || !a.userId.equals(userId)) {
            throw ProblemException.notFound(
                    "account " + deviceId + " (an account is known once its terminal has sent a snapshot or a fill)");
        }
        return a;
    }
}
