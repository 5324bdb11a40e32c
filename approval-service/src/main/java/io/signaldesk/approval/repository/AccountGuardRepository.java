package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The tripped guards of devices' accounts (guards.v1). */
@ApplicationScoped
public class AccountGuardRepository implements PanacheRepositoryBase<AccountGuard, AccountGuard.Key> {
    /** A stage's strength in SQL, in the order of {@link GuardStage} (WARN < BLOCK < CLOSE_ALL). */
    private static String strength(String column) {
        return Arrays.stream(GuardStage.values())
                .map(s -> " WHEN '" + s.name() + "' THEN " + s.ordinal())
                .collect(Collectors.joining("", "(CASE " + column, " END)"));
    }

    private static final String RAISE = "INSERT INTO {h-schema}account_guards AS g "
            + "(device_id, guard_kind, stage, guard_event_id, since, limit_value, observed) "
            + "VALUES (:device, :kind, :stage, :event, :since, :limit, :observed) "
            + "ON CONFLICT (device_id, guard_kind) DO UPDATE SET stage = EXCLUDED.stage, "
            + "guard_event_id = EXCLUDED.guard_event_id, since = EXCLUDED.since, "
            + "limit_value = EXCLUDED.limit_value, observed = EXCLUDED.observed "
            + "WHERE " + strength("EXCLUDED.stage") + " > " + strength("g.stage");

    /**
     * Records that a guard of the device reached {@code stage}: a new row, or a stronger stage than the
     * recorded one (a weaker or equal stage changes nothing, so the strongest one and its time stay).
     *
     * @return 1 when recorded, 0 when the recorded stage was already as strong
     */
    public Uni<Integer> raise(
            UUID deviceId,
            GuardKind kind,
            GuardStage stage,
            UUID guardEventId,
            Instant since,
            BigDecimal limit,
            BigDecimal observed) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(RAISE)
                        .setParameter("device", deviceId)
                        .setParameter("kind", kind.name())
                        .setParameter("stage", stage.name())
                        .setParameter("event", guardEventId)
                        .setParameter("since", since)
                        .setParameter("limit", limit)
                        .setParameter("observed", observed)
                        .executeUpdate());
    }

    /** The guard is back to normal: its row goes (other kinds of the device stay). */
    public Uni<Long> clear(UUID deviceId, GuardKind kind) {
        return delete("deviceId = ?1 and guardKind = ?2", deviceId, kind);
    }

    /** Every recorded guard of these devices, WARN included, oldest first. */
    public Uni<List<AccountGuard>> ofDevices(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("deviceId in ?1 order by since", deviceIds);
    }

    /** The guards that refuse approvals on these devices (BLOCK and CLOSE_ALL), oldest first. */
    public Uni<List<AccountGuard>> blockingOf(Collection<UUID> deviceIds) {
        return deviceIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("deviceId in ?1 and stage in ?2 order by since", deviceIds, AccountGuard.BLOCKING);
    }
}
