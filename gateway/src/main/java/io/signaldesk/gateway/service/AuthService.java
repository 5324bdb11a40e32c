package io.signaldesk.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.gateway.RefreshToken;
import io.signaldesk.gateway.User;
import io.signaldesk.gateway.config.GatewayConfig;
import io.signaldesk.gateway.repository.RefreshTokenRepository;
import io.signaldesk.gateway.repository.UserRepository;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

@ApplicationScoped
public class AuthService {
    private static final Logger LOG = Logger.getLogger(AuthService.class);

    /** A trader signing up, the fields checked by the caller; {@code referralCode} may be null. */
    public record Registration(String email, String password, String referralCode) {}

    /** An email and password to sign in with, checked for form by the caller. */
    public record Credentials(String email, String password) {}

    /** A signed access token, valid for {@code expiresInSeconds}, and the refresh token of its login. */
    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {}

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final Outbox outbox;
    private final GatewayConfig config;
    private final MeterRegistry metrics;

    public AuthService(
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            PasswordHasher hasher,
            TokenIssuer issuer,
            Outbox outbox,
            GatewayConfig config,
            MeterRegistry metrics) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /** Creates a trader and its UserRegistered event in one transaction. */
    public Uni<User> register(Registration req, String clientIp, String userAgent) {
        return register(req.email(), req.password(), Set.of(User.TRADER), req.referralCode(), clientIp, userAgent);
    }

    public Uni<User> register(
            String email, String password, Set<String> roles, String referralCode, String clientIp, String userAgent) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return hasher.hash(password)
                .chain(hash -> Panache.withTransaction(() -> users.findByEmail(normalized)
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(emailTaken());
                            }
                            User u = new User();
                            u.id = UUID.randomUUID();
                            u.email = normalized;
                            u.passwordHash = hash;
                            u.roles = String.join(",", roles);
                            u.referredBy = referralCode;
                            u.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            String ipHash = pepperedHash(clientIp);
                            String fingerprint = pepperedHash(clientIp + "|" + (userAgent == null ? "" : userAgent));
                            return users.persist(u)
                                    .call(() -> outbox.enqueue(new UserRegistered(
                                            u.id, u.email, roles, referralCode, fingerprint, ipHash, u.createdAt)));
                        })))
                .onFailure(ConstraintViolationException.class)
                .transform(e -> emailTaken())
                .invoke(u -> metrics.counter("signaldesk.users.registered").increment());
    }

    public Uni<Tokens> login(Credentials req) {
        String email = req.email().trim().toLowerCase(Locale.ROOT);
        return Panache.withSession(() -> users.findByEmail(email))
                .chain(user -> hasher.matches(req.password(), user == null ? null : user.passwordHash)
                        .chain(ok -> {
                            if (!ok || user.disabled) {
                                metrics.counter("signaldesk.auth.logins", "outcome", "rejected")
                                        .increment();
                                return Uni.createFrom()
                                        .failure(new ProblemException(Problem.of(
                                                401,
                                                "invalid-credentials",
                                                "Unauthorized",
                                                "Wrong email or password")));
                            }
                            metrics.counter("signaldesk.auth.logins", "outcome", "ok")
                                    .increment();
                            return Panache.withTransaction(() -> startFamily(user));
                        }));
    }

    private Uni<Tokens> startFamily(User user) {
        return refreshTokens.newFamily(user.id, Instant.now()).chain(f -> issue(user, f.id, UUID.randomUUID()));
    }

    private Uni<Tokens> issue(User user, UUID familyId, UUID tokenId) {
        String refresh = issuer.newRefreshToken();
        RefreshToken rt = new RefreshToken();
        rt.id = tokenId;
        rt.familyId = familyId;
        rt.userId = user.id;
        rt.tokenHash = TokenIssuer.hashRefreshToken(refresh);
        rt.issuedAt = Instant.now();
        rt.expiresAt = rt.issuedAt.plus(config.tokens().refreshTtl());
        return refreshTokens
                .persist(rt)
                .replaceWith(new Tokens(issuer.accessToken(user), refresh, issuer.accessTtlSeconds()));
    }

    private enum RefreshOutcome {
        OK,
        UNKNOWN,
        EXPIRED,
        REUSED,
        DISABLED
    }

    private record RefreshResult(RefreshOutcome outcome, Tokens tokens) {}

    /**
     * Rotates a refresh token. Presenting one that was already rotated or revoked is a sign it was
     * stolen: the whole family is revoked (committed), and the caller gets a 401.
     */
    public Uni<Tokens> refresh(String presented) {
        String hash = TokenIssuer.hashRefreshToken(presented);
        Instant now = Instant.now();
        // The family lock first: a logout or a reuse detection running now either finishes before this
        // refresh reads anything (and it sees the family revoked) or waits until its new token is
        // committed (and revokes that one too).
        return Panache.withTransaction(() -> refreshTokens.lockFamilyOf(hash).chain(family -> {
                    if (family == null) {
                        return Uni.createFrom().item(new RefreshResult(RefreshOutcome.UNKNOWN, null));
                    }
                    return refreshTokens.findByHashForUpdate(hash).chain(rt -> {
                        if (rt == null) {
                            return Uni.createFrom().item(new RefreshResult(RefreshOutcome.UNKNOWN, null));
                        }
                        if (rt.rotatedAt == null && (rt.revokedAt != null || family.revokedAt != null)) {
                            // signed out (or revoked after a detected reuse): refused, but not itself a sign of theft
                            return Uni.createFrom().item(new RefreshResult(RefreshOutcome.UNKNOWN, null));
                        }
                        if (rt.rotatedAt != null) {
                            LOG.warnf(
                                    "refresh token reuse detected for user %s, family %s: revoking the family",
                                    rt.userId, rt.familyId);
                            metrics.counter("signaldesk.auth.refresh_reuse").increment();
                            return refreshTokens
                                    .revokeFamily(family, now)
                                    .replaceWith(new RefreshResult(RefreshOutcome.REUSED, null));
                        }
                        if (rt.expiresAt.isBefore(now)) {
                            return Uni.createFrom().item(new RefreshResult(RefreshOutcome.EXPIRED, null));
                        }
                        return users.findById(rt.userId).chain(user -> {
                            if (user == null || user.disabled) {
                                return refreshTokens
                                        .revokeFamily(family, now)
                                        .replaceWith(new RefreshResult(RefreshOutcome.DISABLED, null));
                            }
                            UUID nextId = UUID.randomUUID();
                            rt.rotatedAt = now;
                            rt.replacedBy = nextId;
                            return issue(user, rt.familyId, nextId)
                                    .map(tokens -> new RefreshResult(RefreshOutcome.OK, tokens));
                        });
                    });
                }))
                .chain(result -> switch (result.outcome()) {
                    case OK -> Uni.createFrom().item(result.tokens());
                    case REUSED ->
                        Uni.createFrom()
                                .failure(
                                        refreshProblem(
                                                "refresh-token-reused",
                                                "This refresh token was already used; all sessions of its login were signed out"));
                    case EXPIRED ->
                        Uni.createFrom()
                                .failure(refreshProblem("refresh-token-expired", "The refresh token has expired"));
                    default ->
                        Uni.createFrom()
                                .failure(refreshProblem("refresh-token-invalid", "The refresh token is not valid"));
                });
    }

    /** Revokes the presented token's family. Unknown tokens are ignored (logout is idempotent). */
    public Uni<Void> logout(String presented) {
        String hash = TokenIssuer.hashRefreshToken(presented);
        return Panache.withTransaction(() -> refreshTokens
                .lockFamilyOf(hash)
                .chain(family -> family == null
                        ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(family, Instant.now()).replaceWithVoid()));
    }

    public Uni<User> findUser(UUID id) {
        return Panache.withSession(() -> users.findById(id));
    }

    private String pepperedHash(String value) {
        return Hmac.sign(config.fingerprintPepper(), value == null ? "" : value);
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "An account with this email already exists");
    }

    private static ProblemException refreshProblem(String slug, String detail) {
        return new ProblemException(Problem.of(401, slug, "Unauthorized", detail));
    }
}
