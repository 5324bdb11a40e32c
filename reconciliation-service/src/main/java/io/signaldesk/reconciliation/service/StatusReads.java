package io.signaldesk.reconciliation.service;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import io.signaldesk.reconciliation.Account;
import io.signaldesk.reconciliation.Divergence;
import io.signaldesk.reconciliation.GuardConfig;
import io.signaldesk.reconciliation.ReportedPosition;
import io.signaldesk.reconciliation.repository.AccountRepository;
import io.signaldesk.reconciliation.repository.DivergenceRepository;
import io.signaldesk.reconciliation.repository.GuardConfigRepository;
import io.signaldesk.reconciliation.repository.GuardStateRepository;
import io.signaldesk.reconciliation.repository.ReportedPositionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The three status answers of a trader, each over all of their accounts, read through the
 * {@link StatusCache}. They are what the answers are made of, so the cached JSON is these records;
 * anything that depends on the time of the request (a snapshot's age) is left to the caller.
 */
@ApplicationScoped
public class StatusReads {
    public record DivergenceSummary(
            UUID id, Divergence.Type type, long ticket, String details, Instant detectedAt, Instant closeRequestedAt) {}

    public record AccountStatus(
            UUID deviceId,
            String accountId,
            Instant lastSnapshotAt,
            boolean inSync,
            List<DivergenceSummary> openDivergences) {}

    public record Position(
            long ticket,
            String instrument,
            Side side,
            BigDecimal volume,
            BigDecimal openPrice,
            BigDecimal unrealisedPnl,
            boolean ours) {}

    /** {@code realisedPnlToday}: the balance's change since the day's first snapshot (closed trades, fees, swaps). */
    public record AccountPositions(
            UUID deviceId,
            String accountId,
            String currency,
            BigDecimal balance,
            BigDecimal equity,
            BigDecimal unrealisedPnl,
            BigDecimal realisedPnlToday,
            Instant asOf,
            List<Position> positions) {}

    public record Stage(GuardKind kind, GuardStage stage, BigDecimal limit, BigDecimal observed, Instant since) {}

    public record Thresholds(BigDecimal warn, BigDecimal block, BigDecimal close) {}

    public record AccountGuards(
            UUID deviceId,
            String accountId,
            String timeZone,
            Thresholds drawdownPercent,
            Thresholds dailyLoss,
            Thresholds staleTerminalSeconds,
            BigDecimal drawdownPercentNow,
            BigDecimal dailyLossNow,
            boolean blocked,
            List<Stage> stages) {}

    private final AccountRepository accounts;
    private final DivergenceRepository divergences;
    private final ReportedPositionRepository reported;
    private final GuardConfigRepository configs;
    private final GuardStateRepository states;
    private final StatusCache cache;
    private final JavaType statusType;
    private final JavaType positionsType;
    private final JavaType guardsType;

    public StatusReads(
            AccountRepository accounts,
            DivergenceRepository divergences,
            ReportedPositionRepository reported,
            GuardConfigRepository configs,
            GuardStateRepository states,
            StatusCache cache,
            ObjectMapper json) {
        this.accounts = accounts;
        this.divergences = divergences;
        this.reported = reported;
        this.configs = configs;
        this.states = states;
        this.cache = cache;
        this.statusType = json.getTypeFactory().constructCollectionType(List.class, AccountStatus.class);
        this.positionsType = json.getTypeFactory().constructCollectionType(List.class, AccountPositions.class);
        this.guardsType = json.getTypeFactory().constructCollectionType(List.class, AccountGuards.class);
    }

    public Uni<List<AccountStatus>> status(UUID userId) {
        return cache.read(
                userId,
                "status",
                statusType,
                () -> accounts.ofUser(userId)
                        .chain(list -> divergences.openOfDevices(ids(list)).map(open -> {
                            Map<UUID, List<Divergence>> byDevice =
                                    open.stream().collect(Collectors.groupingBy(d -> d.deviceId));
                            return list.stream()
                                    .map(a -> {
                                        List<DivergenceSummary> ds =
                                                byDevice.getOrDefault(a.deviceId, List.of()).stream()
                                                        .map(d -> new DivergenceSummary(
                                                                d.id,
                                                                d.type,
                                                                d.ticket,
                                                                d.details,
                                                                d.detectedAt,
                                                                d.closeRequestedAt))
                                                        .toList();
                                        return new AccountStatus(
                                                a.deviceId,
                                                a.accountId,
                                                a.lastReportedAt(),
                                                a.lastSnapshotAt != null && ds.isEmpty(),
                                                ds);
                                    })
                                    .toList();
                        })));
    }

    public Uni<List<AccountPositions>> positions(UUID userId) {
        return cache.read(
                userId,
                "positions",
                positionsType,
                () -> accounts.ofUser(userId)
                        .chain(list -> reported.ofDevices(ids(list))
                                .chain(positions -> divergences
                                        .openOfDevices(ids(list))
                                        .map(open -> {
                                            Map<UUID, List<ReportedPosition>> byDevice =
                                                    positions.stream().collect(Collectors.groupingBy(p -> p.deviceId));
                                            return list.stream()
                                                    .map(a -> {
                                                        List<Position> ps =
                                                                byDevice.getOrDefault(a.deviceId, List.of()).stream()
                                                                        .map(
                                                                                p -> new Position(
                                                                                        p.ticket,
                                                                                        p.instrument,
                                                                                        p.side,
                                                                                        p.volume,
                                                                                        p.openPrice,
                                                                                        p.profit,
                                                                                        open.stream()
                                                                                                .noneMatch(
                                                                                                        d -> d.deviceId
                                                                                                                        .equals(
                                                                                                                                a.deviceId)
                                                                                                                && d.ticket
                                                                                                                        == p.ticket
                                                                                                                && d.type
                                                                                                                        == Divergence
                                                                                                                                .Type
                                                                                                                                .UNEXPECTED_AT_BROKER)))
                                                                        .toList();
                                                        BigDecimal unrealised = ps.stream()
                                                                .map(Position::unrealisedPnl)
                                                                .filter(java.util.Objects::nonNull)
                                                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                                                        BigDecimal realised =
                                                                a.balance == null || a.dayStartBalance == null
                                                                        ? null
                                                                        : a.balance.subtract(a.dayStartBalance);
                                                        return new AccountPositions(
                                                                a.deviceId,
                                                                a.accountId,
                                                                a.currency,
                                                                a.balance,
                                                                a.equity,
                                                                unrealised,
                                                                realised,
                                                                a.lastReportedAt(),
                                                                ps);
                                                    })
                                                    .toList();
                                        }))));
    }

    public Uni<List<AccountGuards>> guards(UUID userId) {
        return cache.read(
                userId,
                "guards",
                guardsType,
                () -> accounts.ofUser(userId)
                        .chain(list -> states.ofDevices(ids(list))
                                .chain(all -> configsOf(list)
                                        .map(cfgs -> list.stream()
                                                .map(a -> {
                                                    GuardConfig c = cfgs.get(a.deviceId);
                                                    List<Stage> stages = all.stream()
                                                            .filter(s -> s.deviceId.equals(a.deviceId))
                                                            .map(s -> new Stage(
                                                                    s.kind, s.stage, s.limit, s.observed, s.since))
                                                            .toList();
                                                    boolean blocked =
                                                            stages.stream().anyMatch(s -> s.stage() != GuardStage.WARN);
                                                    return new AccountGuards(
                                                            a.deviceId,
                                                            a.accountId,
                                                            c == null ? null : c.timeZone,
                                                            c == null
                                                                    ? null
                                                                    : new Thresholds(
                                                                            c.drawdownWarn,
                                                                            c.drawdownBlock,
                                                                            c.drawdownClose),
                                                            c == null
                                                                    ? null
                                                                    : new Thresholds(
                                                                            c.dailyLossWarn,
                                                                            c.dailyLossBlock,
                                                                            c.dailyLossClose),
                                                            c == null
                                                                    ? null
                                                                    : new Thresholds(
                                                                            Guards.seconds(c.staleWarnSeconds),
                                                                            Guards.seconds(c.staleBlockSeconds),
                                                                            null),
                                                            a.equity == null ? null : Guards.drawdownPercent(a),
                                                            a.equity == null ? null : Guards.dailyLoss(a),
                                                            blocked,
                                                            stages);
                                                })
                                                .toList()))));
    }

    private Uni<Map<UUID, GuardConfig>> configsOf(List<Account> list) {
        return list.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : configs.list("deviceId in ?1", ids(list))
                        .map(l -> l.stream().collect(Collectors.toMap(c -> c.deviceId, c -> c)));
    }

    private static List<UUID> ids(List<Account> list) {
        return list.stream().map(a -> a.deviceId).toList();
    }
}
