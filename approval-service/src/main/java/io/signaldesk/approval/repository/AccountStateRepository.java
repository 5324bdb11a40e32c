package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.AccountState;
import io.signaldesk.platform.events.TradeEvents.Seen;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.platform.persistence.Times;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountStateRepository implements PanacheRepositoryBase<AccountState, UUID> {
    /**
     * Publish when the content differs from the last stored one, nothing was published yet, the last
     * publication was taken before the newest acked fill, or it is {@code :refresh} seconds old;
     * never NULL (seen_due is its negation).
     */
    private static final String PUBLISH = "(s.content_sha256 IS DISTINCT FROM EXCLUDED.content_sha256 "
            + "OR s.published_at IS NULL OR (s.fill_at IS NOT NULL AND s.published_at < s.fill_at) "
            + "OR s.published_at <= EXCLUDED.taken_at - make_interval(secs => :refresh))";

    /**
     * Stores a snapshot's state in one statement, so a terminal's snapshots sent at once (even its
     * first ones) are all taken; the newest by {@code takenAt} wins whichever commits last, and one
     * not taken after the state kept is ignored (as reconciliation ignores it: the two agree on the
     * current state). Answers whether to publish it: true when its content (the hex digest {@code
     * sha256}) differs from the state it replaces, or that state was never published, or the last
     * publication was taken before the newest acked fill or is older than {@code refresh}; false when
     * it only repeats the last published one (it is then due in the next {@link #takeSeen}) or is
     * ignored.
     */
    public Uni<Boolean> upsertNewest(AccountState st, String sha256, Duration refresh) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}account_state AS s "
                                        + "(device_id, currency, balance, equity, taken_at, content_sha256, published_at, seen_due) "
                                        + "VALUES (:d, :c, :b, :e, :t, :h, :t, false) "
                                        + "ON CONFLICT (device_id) DO UPDATE SET currency = EXCLUDED.currency, "
                                        + "balance = EXCLUDED.balance, equity = EXCLUDED.equity, taken_at = EXCLUDED.taken_at, "
                                        + "content_sha256 = EXCLUDED.content_sha256, "
                                        + "published_at = CASE WHEN " + PUBLISH
                                        + " THEN EXCLUDED.taken_at ELSE s.published_at END, "
                                        + "seen_due = NOT " + PUBLISH + " "
                                        + "WHERE s.taken_at < EXCLUDED.taken_at "
                                        + "RETURNING NOT s.seen_due",
                                Boolean.class)
                        .setParameter("d", st.deviceId)
                        .setParameter("c", st.currency)
                        .setParameter("b", st.balance)
                        .setParameter("e", st.equity)
                        .setParameter("t", st.takenAt)
                        .setParameter("h", sha256)
                        .setParameter("refresh", QueryPlans.notCached(refresh.toMillis() / 1000.0))
                        .getResultList())
                .map(rows -> !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)));
    }

    /**
     * A fill executed at {@code executedAt} was acked: the device's snapshots are published whatever
     * their content until one taken at or after it is (a fill the broker does not show is a divergence
     * reconciliation must see, and it compares the fills up to a snapshot's time). A time ahead of
     * the database's clock counts as now.
     */
    public Uni<Void> filledAt(UUID deviceId, Instant executedAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE {h-schema}account_state "
                                + "SET fill_at = greatest(fill_at, least(:at, now())) WHERE device_id = :d")
                        .setParameter("d", deviceId)
                        .setParameter("at", executedAt)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Up to {@code max} devices whose latest snapshot was not published and not yet reported as seen,
     * each with the time of its last published snapshot and of its latest one; they are no longer due
     * once the caller's transaction commits (rows another transaction holds are skipped).
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Seen>> takeSeen(int max) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("WITH due AS (SELECT device_id FROM {h-schema}account_state "
                                + "WHERE seen_due ORDER BY device_id LIMIT :max FOR UPDATE SKIP LOCKED) "
                                + "UPDATE {h-schema}account_state s SET seen_due = false FROM due, {h-schema}devices d "
                                + "WHERE s.device_id = due.device_id AND d.id = s.device_id "
                                + "RETURNING CAST(s.device_id AS text), CAST(d.user_id AS text), d.broker_account, "
                                + "s.published_at, s.taken_at")
                        .setParameter("max", QueryPlans.notCached(max))
                        .getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows)
                        .stream()
                                .map(r -> new Seen(
                                        UUID.fromString((String) r[0]),
                                        UUID.fromString((String) r[1]),
                                        (String) r[2],
                                        Times.instant(r[3]),
                                        Times.instant(r[4])))
                                .toList());
    }
}
