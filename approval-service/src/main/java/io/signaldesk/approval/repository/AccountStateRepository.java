package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.AccountState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AccountStateRepository implements PanacheRepositoryBase<AccountState, UUID> {
    /**
     * Stores a snapshot's state in one statement, so a terminal's snapshots sent at once (even its
     * first ones) are all taken; the newest by {@code takenAt} wins whichever commits last.
     */
    public Uni<Void> upsertNewest(AccountState st) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}account_state "
                                + "(device_id, currency, balance, equity, taken_at) VALUES (:d, :c, :b, :e, :t) "
                                + "ON CONFLICT (device_id) DO UPDATE SET currency = EXCLUDED.currency, "
                                + "balance = EXCLUDED.balance, equity = EXCLUDED.equity, taken_at = EXCLUDED.taken_at "
                                + "WHERE account_state.taken_at <= EXCLUDED.taken_at")
                        .setParameter("d", st.deviceId)
                        .setParameter("c", st.currency)
                        .setParameter("b", st.balance)
                        .setParameter("e", st.equity)
                        .setParameter("t", st.takenAt)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
