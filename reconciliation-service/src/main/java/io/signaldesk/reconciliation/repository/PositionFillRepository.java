package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.platform.persistence.Times;
import io.signaldesk.reconciliation.PositionFill;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PositionFillRepository implements PanacheRepositoryBase<PositionFill, UUID> {
    /** A position we expect the account to hold at some time, from its fills up to then. */
    public record Expected(
            long ticket, String instrument, Side side, BigDecimal volume, BigDecimal openPrice, Instant openedAt) {}

    /**
     * The tickets whose fills executed at or before {@code at} leave volume open (opened, not fully
     * closed, not closed by a CLOSE_ALL). Depends only on the fills, not on the order they arrived in.
     */
    public Uni<List<Expected>> expectedAt(UUID deviceId, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT ticket, max(instrument) FILTER (WHERE action = 'OPEN'), "
                                        + "max(side) FILTER (WHERE action = 'OPEN'), "
                                        + "coalesce(sum(volume) FILTER (WHERE action = 'OPEN'), 0) "
                                        + "- coalesce(sum(volume) FILTER (WHERE action = 'CLOSE'), 0), "
                                        + "min(price) FILTER (WHERE action = 'OPEN'), "
                                        + "min(executed_at) FILTER (WHERE action = 'OPEN') "
                                        + "FROM {h-schema}position_fills WHERE device_id = :d AND executed_at <= :t "
                                        + "GROUP BY ticket "
                                        + "HAVING bool_or(action = 'OPEN') AND NOT bool_or(action = 'CLOSE' AND volume IS NULL) "
                                        + "AND coalesce(sum(volume) FILTER (WHERE action = 'OPEN'), 0) "
                                        + "- coalesce(sum(volume) FILTER (WHERE action = 'CLOSE'), 0) > 0 "
                                        + "ORDER BY ticket",
                                Object[].class)
                        .setParameter("d", QueryPlans.notCached(deviceId))
                        .setParameter("t", at)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Expected(
                                ((Number) r[0]).longValue(),
                                (String) r[1],
                                r[2] == null ? null : Side.valueOf((String) r[2]),
                                (BigDecimal) r[3],
                                (BigDecimal) r[4],
                                Times.instant(r[5])))
                        .toList());
    }
}
