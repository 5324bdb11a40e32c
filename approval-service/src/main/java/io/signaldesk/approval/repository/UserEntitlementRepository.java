package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.UserEntitlement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class UserEntitlementRepository implements PanacheRepositoryBase<UserEntitlement, UUID> {
    /**
     * Stores the limits unless newer ones are stored already (one statement, so two events for the
     * same user racing cannot both win): a higher version wins; unversioned (0) ones only over
     * unversioned ones, by time. True when they were stored.
     */
    public Uni<Boolean> storeIfNewer(
            UUID userId, String tier, int maxDevices, int maxSubscriptions, Instant at, long version) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}user_entitlements"
                                + " (user_id, tier, max_devices, max_subscriptions, changed_at, version)"
                                + " VALUES (:u, :tier, :devices, :subs, :at, :version) ON CONFLICT (user_id) DO UPDATE"
                                + " SET tier = EXCLUDED.tier, max_devices = EXCLUDED.max_devices,"
                                + " max_subscriptions = EXCLUDED.max_subscriptions, changed_at = EXCLUDED.changed_at,"
                                + " version = EXCLUDED.version"
                                + " WHERE user_entitlements.version < EXCLUDED.version"
                                + " OR (EXCLUDED.version = 0 AND user_entitlements.version = 0"
                                + " AND user_entitlements.changed_at < EXCLUDED.changed_at)")
                        .setParameter("u", userId)
                        .setParameter("tier", tier)
                        .setParameter("devices", maxDevices)
                        .setParameter("subs", maxSubscriptions)
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .setParameter("version", version)
                        .executeUpdate())
                .map(n -> n == 1);
    }
}
