package io.signaldesk.platform.hmac;

import io.signaldesk.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The signed requests' nonces, in the service's own Postgres schema ({@code signed_nonces}): one
 * auto-committed {@code INSERT … ON CONFLICT} per verified request burns a nonce, and it is the only
 * store, so replay protection is the same whether Redis is up, hung or gone, and across a switch
 * between the two (a nonce burnt before a Redis outage is still known during it, and after). Every
 * signed request already reads its signer from Postgres; this is one more statement on a narrow
 * table. A row may be reused once its TTL has passed (the timestamp window, shorter than the TTL,
 * refuses such an old request anyway); expired rows are deleted every minute, on every replica
 * (set-based: each row goes once).
 */
@ApplicationScoped
public class NonceStore {
    private static final Logger LOG = Logger.getLogger(NonceStore.class);

    private final Pool pool;
    private final Vertx vertx;
    private final String burn;
    private final String purge;
    private long purgeTimer = -1;

    public NonceStore(Pool pool, Vertx vertx, PlatformConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        String table = "\"" + config.schema() + "\".signed_nonces";
        this.burn = "INSERT INTO " + table + " (scope, signer, nonce, expires_at) "
                + "VALUES ($1, $2, $3, now() + make_interval(secs => $4)) "
                + "ON CONFLICT (scope, signer, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at "
                + "WHERE " + table + ".expires_at < now()";
        this.purge = "DELETE FROM " + table + " WHERE expires_at < now()";
    }

    @PostConstruct
    void schedulePurge() {
        purgeTimer = vertx.setPeriodic(
                Duration.ofMinutes(1).toMillis(),
                id -> pool.query(purge)
                        .execute()
                        .subscribe()
                        .with(
                                rows -> LOG.debugf("deleted %d expired nonces", rows.rowCount()),
                                t -> LOG.warnf("expired nonces not deleted (%s); next minute", t.toString())));
    }

    @PreDestroy
    void stop() {
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
    }

    /** True when the nonce was new (now burnt), false when it was used within its TTL. */
    public Uni<Boolean> burn(String scope, String signer, String nonce, Duration ttl) {
        return pool.preparedQuery(burn)
                .execute(Tuple.of(scope, signer, nonce, ttl.toMillis() / 1000.0))
                .map(rows -> rows.rowCount() == 1);
    }
}
