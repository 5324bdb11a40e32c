package io.signaldesk.reconciliation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.events.TradeEvents.GuardCleared;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import io.signaldesk.platform.events.TradeEvents.GuardTriggered;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.reconciliation.Account;
import io.signaldesk.reconciliation.GuardConfig;
import io.signaldesk.reconciliation.GuardEvent;
import io.signaldesk.reconciliation.GuardState;
import io.signaldesk.reconciliation.config.ReconciliationConfig;
import io.signaldesk.reconciliation.repository.GuardConfigRepository;
import io.signaldesk.reconciliation.repository.GuardEventRepository;
import io.signaldesk.reconciliation.repository.GuardStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The guards, evaluated on every applied snapshot in its transaction (account locked): the equity
 * peak and the day's first equity are tracked; a guard that crosses a higher stage than it had is
 * recorded, audited and published (GuardTriggered, through the outbox); CLOSE_ALL also tells the
 * reconciler that positions disappearing from now on were closed by it. DAILY_LOSS clears itself
 * at the day's reset; DRAWDOWN is cleared by the trader (see {@link GuardSettings#clear}).
 */
@ApplicationScoped
public class Guards {
    private final GuardConfigRepository configs;
    private final GuardStateRepository states;
    private final GuardEventRepository events;
    private final Outbox outbox;
    private final ZoneId defaultZone;
    private final MeterRegistry metrics;

    public Guards(
            GuardConfigRepository configs,
            GuardStateRepository states,
            GuardEventRepository events,
            Outbox outbox,
            ReconciliationConfig config,
            MeterRegistry metrics) {
        this.configs = configs;
        this.states = states;
        this.events = events;
        this.outbox = outbox;
        this.defaultZone = ZoneId.of(config.defaultTimeZone());
        this.metrics = metrics;
    }

    /** After the account took the snapshot's balance and equity ({@code at}: the snapshot's time). */
    public Uni<Void> evaluate(Account a, Instant at) {
        return configs.findById(a.deviceId)
                .chain(config -> states.of(a.deviceId).chain(found -> {
                    List<GuardState> current = new ArrayList<>(found);
                    // one session: every step runs after the one before it
                    Uni<Void> steps = Uni.createFrom().voidItem();
                    ZoneId zone = config == null ? defaultZone : ZoneId.of(config.timeZone);
                    if (a.dayEndsAt == null || !at.isBefore(a.dayEndsAt)) {
                        LocalDate day = LocalDate.ofInstant(at, zone);
                        a.day = day;
                        a.dayEndsAt = day.plusDays(1).atStartOfDay(zone).toInstant();
                        a.dayStartEquity = a.equity;
                        a.dayStartBalance = a.balance;
                        GuardState daily = current.stream()
                                .filter(s -> s.kind == GuardKind.DAILY_LOSS)
                                .findFirst()
                                .orElse(null);
                        if (daily != null) {
                            current.remove(daily);
                            steps = steps.chain(() -> clear(a, daily, "system", at));
                        }
                    }
                    GuardState stale = current.stream()
                            .filter(s -> s.kind == GuardKind.STALE_TERMINAL)
                            .findFirst()
                            .orElse(null);
                    if (stale != null) { // the terminal is back
                        current.remove(stale);
                        steps = steps.chain(() -> clear(a, stale, "system", at));
                    }
                    if (a.equityPeak == null || a.equity.compareTo(a.equityPeak) > 0) {
                        a.equityPeak = a.equity;
                    }
                    if (config != null) {
                        steps = steps.chain(
                                        () -> escalate(a, config, current, GuardKind.DRAWDOWN, drawdownPercent(a), at))
                                .chain(() -> escalate(a, config, current, GuardKind.DAILY_LOSS, dailyLoss(a), at))
                                .replaceWithVoid();
                    }
                    return steps;
                }));
    }

    /** Equity below its peak, in percent of the peak (0 at or above it). */
    static BigDecimal drawdownPercent(Account a) {
        if (a.equityPeak == null || a.equityPeak.signum() <= 0 || a.equity.compareTo(a.equityPeak) >= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return a.equityPeak
                .subtract(a.equity)
                .multiply(BigDecimal.valueOf(100))
                .divide(a.equityPeak, 4, RoundingMode.HALF_EVEN)
                .min(MAX_DRAWDOWN); // past 100 only with negative equity: recorded as at most this
    }

    /** Beyond any threshold (at most 100): what a drawdown through negative equity is recorded as. */
    static final BigDecimal MAX_DRAWDOWN = new BigDecimal("1000.0000");

    /** Equity below the day's first equity, in the account's currency (0 when above it). */
    static BigDecimal dailyLoss(Account a) {
        if (a.dayStartEquity == null) {
            return BigDecimal.ZERO.setScale(4);
        }
        BigDecimal loss = a.dayStartEquity.subtract(a.equity);
        return loss.signum() < 0 ? BigDecimal.ZERO.setScale(4) : loss.setScale(4, RoundingMode.HALF_EVEN);
    }

    private record Crossed(GuardStage stage, BigDecimal limit) {}

    /** The highest stage whose threshold {@code observed} reaches (thresholds left null are off). */
    static Crossed crossed(BigDecimal observed, BigDecimal warn, BigDecimal block, BigDecimal close) {
        if (close != null && observed.compareTo(close) >= 0) {
            return new Crossed(GuardStage.CLOSE_ALL, close);
        }
        if (block != null && observed.compareTo(block) >= 0) {
            return new Crossed(GuardStage.BLOCK, block);
        }
        if (warn != null && observed.compareTo(warn) >= 0) {
            return new Crossed(GuardStage.WARN, warn);
        }
        return null;
    }

    private Uni<Boolean> escalate(
            Account a, GuardConfig config, List<GuardState> current, GuardKind kind, BigDecimal observed, Instant at) {
        Crossed c = switch (kind) {
            case DRAWDOWN -> crossed(observed, config.drawdownWarn, config.drawdownBlock, config.drawdownClose);
            case DAILY_LOSS -> crossed(observed, config.dailyLossWarn, config.dailyLossBlock, config.dailyLossClose);
            case STALE_TERMINAL ->
                crossed(observed, seconds(config.staleWarnSeconds), seconds(config.staleBlockSeconds), null);
        };
        GuardState state =
                current.stream().filter(s -> s.kind == kind).findFirst().orElse(null);
        if (c == null || (state != null && c.stage().ordinal() <= state.stage.ordinal())) {
            return Uni.createFrom().item(false); // only an escalation is news; a guard only comes down when cleared
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean created = state == null;
        GuardState s = created ? new GuardState() : state;
        if (created) {
            s.id = UUID.randomUUID();
            s.deviceId = a.deviceId;
            s.kind = kind;
        }
        s.stage = c.stage();
        s.limit = c.limit();
        s.observed = observed;
        s.since = now;
        if (c.stage() == GuardStage.CLOSE_ALL && a.closeAllRequestedAt == null) {
            a.closeAllRequestedAt = at;
        }
        metrics.counter(
                        "signaldesk.guards.triggered",
                        "kind",
                        kind.name(),
                        "stage",
                        c.stage().name())
                .increment();
        return (created ? states.persist(s).replaceWithVoid() : Uni.createFrom().voidItem())
                .chain(() ->
                        events.persist(audit(a, kind, GuardEvent.Event.TRIGGERED, c.stage(), observed, "system", now)))
                .chain(() -> outbox.enqueue(new GuardTriggered(
                        UUID.randomUUID(),
                        a.userId,
                        a.deviceId,
                        a.accountId,
                        kind,
                        c.stage(),
                        c.limit(),
                        observed,
                        now)))
                .replaceWith(true);
    }

    /**
     * The stale-terminal guard of a locked account whose newest snapshot is {@code observedSeconds}
     * old (the sweep in {@link StaleTerminals}); true when it reached a higher stage.
     */
    Uni<Boolean> stale(Account a, GuardConfig config, long observedSeconds, Instant now) {
        return states.of(a.deviceId)
                .chain(current -> escalate(
                        a, config, current, GuardKind.STALE_TERMINAL, BigDecimal.valueOf(observedSeconds), now));
    }

    /** A threshold in whole seconds as the decimal guards compare with (null: that stage is off). */
    static BigDecimal seconds(Integer s) {
        return s == null ? null : BigDecimal.valueOf(s.longValue());
    }

    /** Back to normal: the state goes, the clearing is audited and published (GuardCleared). */
    Uni<Void> clear(Account a, GuardState s, String actor, Instant at) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        metrics.counter("signaldesk.guards.cleared", "kind", s.kind.name()).increment();
        return Panache.getSession()
                .chain(session -> session.remove(s))
                .chain(() -> events.persist(audit(a, s.kind, GuardEvent.Event.CLEARED, null, null, actor, now)))
                .chain(() -> outbox.enqueue(
                        new GuardCleared(UUID.randomUUID(), a.userId, a.deviceId, a.accountId, s.kind, actor, now)))
                .replaceWithVoid();
    }

    private static GuardEvent audit(
            Account a,
            GuardKind kind,
            GuardEvent.Event event,
            GuardStage stage,
            BigDecimal observed,
            String actor,
            Instant at) {
        GuardEvent e = new GuardEvent();
        e.id = UUID.randomUUID();
        e.userId = a.userId;
        e.deviceId = a.deviceId;
        e.kind = kind;
        e.event = event;
        e.stage = stage;
        e.observed = observed;
        e.actor = actor;
        e.at = at;
        return e;
    }
}
