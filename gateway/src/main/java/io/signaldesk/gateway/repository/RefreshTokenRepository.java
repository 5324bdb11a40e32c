package io.signaldesk.gateway.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.gateway.RefreshFamily;
import io.signaldesk.gateway.RefreshToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * Refresh tokens and their families. Every path that rotates or revokes takes the family's row lock
 * first ({@link #lockFamilyOf}), then works on the tokens: one lock order, no deadlock, and no token
 * minted in a family while it is being revoked.
 */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {
    /**
     * Locks the family of the token with this hash ({@code SELECT ... FOR UPDATE}); null when no token
     * has it. Read as a scalar first so no stale token entity is cached in the session before the lock.
     */
    public Uni<RefreshFamily> lockFamilyOf(String hash) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select t.familyId from RefreshToken t where t.tokenHash = :h", UUID.class)
                        .setParameter("h", hash)
                        .getSingleResultOrNull()
                        .chain(familyId -> familyId == null
                                ? Uni.createFrom().nullItem()
                                : s.find(RefreshFamily.class, familyId, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** The token, locked; call after {@link #lockFamilyOf} so it is read after any concurrent change committed. */
    public Uni<RefreshToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<RefreshFamily> newFamily(UUID userId, Instant at) {
        RefreshFamily f = new RefreshFamily();
        f.id = UUID.randomUUID();
        f.userId = userId;
        f.createdAt = at;
        return Panache.getSession().chain(s -> s.persist(f)).replaceWith(f);
    }

    /** Revokes a locked family and every token in it. */
    public Uni<Integer> revokeFamily(RefreshFamily family, Instant at) {
        if (family.revokedAt == null) {
            family.revokedAt = at;
        }
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", at, family.id);
    }
}
