package io.signaldesk.signal.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.hmac.SignedRequest;
import io.signaldesk.platform.hmac.SignedRequestAuthenticator;
import io.signaldesk.platform.hmac.Signers;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.secrets.SecretBox;
import io.signaldesk.signal.Producer;
import io.signaldesk.signal.config.SignalConfig;
import io.signaldesk.signal.repository.ProducerRepository;
import io.signaldesk.signal.repository.StrategyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Outside producers: registration, secret rotation with a grace period, revocation, and the two ways
 * a producer proves who it is (an HMAC-signed request, or the token in a TradingView webhook URL).
 */
@ApplicationScoped
public class ProducerService {
    private static final int MAX_TOKEN_LENGTH = 128;

    /** A producer to register, its fields checked by the caller; the strategy must exist. */
    public record NewProducer(String name, UUID strategyId) {}

    /** The registered producer with its HMAC secret and TradingView token in clear, shown only this once. */
    public record Created(Producer producer, String secret, String tradingViewToken) {}

    /** A producer's new HMAC secret in clear, shown only this once; the entity holds the previous one's grace. */
    public record SecretRotated(Producer producer, String secret, Instant rotatedAt) {}

    /** A producer's new TradingView token in clear, shown only this once; the old one is refused already. */
    public record TokenRotated(Producer producer, String tradingViewToken, Instant rotatedAt) {}

    private final ProducerRepository producers;
    private final StrategyRepository strategies;
    private final SecretBox secretBox;
    private final SignedRequestAuthenticator authenticator;
    private final SignalConfig config;

    public ProducerService(
            ProducerRepository producers,
            StrategyRepository strategies,
            SecretBox secretBox,
            SignedRequestAuthenticator authenticator,
            SignalConfig config) {
        this.producers = producers;
        this.strategies = strategies;
        this.secretBox = secretBox;
        this.authenticator = authenticator;
        this.config = config;
    }

    /** Registers a producer; the secret and the TradingView token are returned here and never again. */
    public Uni<Created> create(NewProducer req, UUID adminId) {
        String secret = SecretBox.newSecret();
        String tvToken = SecretBox.newSecret();
        Producer p = new Producer();
        p.id = UUID.randomUUID();
        p.name = req.name();
        p.strategyId = req.strategyId();
        p.secretSealed = secretBox.seal(secret);
        p.tradingViewTokenHash = Hmac.sha256Hex(tvToken);
        p.createdBy = adminId;
        p.createdAt = now();
        return Panache.withTransaction(() -> strategies
                        .findById(req.strategyId())
                        .chain(strategy -> {
                            if (strategy == null) {
                                return Uni.createFrom()
                                        .failure(ProblemException.unprocessable(
                                                "unknown-strategy", "No strategy " + req.strategyId()));
                            }
                            return producers.persist(p);
                        }))
                .map(saved -> new Created(p, secret, tvToken));
    }

    /** All producers, newest first. */
    public Uni<List<Producer>> list() {
        return Panache.withSession(producers::listByCreation);
    }

    /** A new secret; the current one becomes the previous one and works until the grace period ends. */
    public Uni<SecretRotated> rotate(UUID id) {
        String secret = SecretBox.newSecret();
        Instant now = now();
        return Panache.withTransaction(() -> activeForUpdate(id).map(p -> {
            p.previousSecretSealed = p.secretSealed;
            p.previousSecretExpiresAt = now.plus(config.producerSecretGrace());
            p.secretSealed = secretBox.seal(secret);
            p.rotatedAt = now;
            return new SecretRotated(p, secret, now);
        }));
    }

    /** A new TradingView token for the producer's webhook URL; the old token is refused at once. */
    public Uni<TokenRotated> rotateTradingViewToken(UUID id) {
        String token = SecretBox.newSecret();
        Instant now = now();
        return Panache.withTransaction(() -> activeForUpdate(id).map(p -> {
            p.tradingViewTokenHash = Hmac.sha256Hex(token);
            return new TokenRotated(p, token, now);
        }));
    }

    /** The producer, locked for a change of its credentials; 404 unknown, 409 revoked. */
    private Uni<Producer> activeForUpdate(UUID id) {
        return producers.findByIdForUpdate(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("No producer " + id);
            }
            if (p.revoked()) {
                throw ProblemException.conflict("producer-revoked", "Producer " + id + " is revoked");
            }
            return p;
        });
    }

    /** Revokes a producer: every later request from it is refused. Revoking twice is harmless. */
    public Uni<Void> revoke(UUID id) {
        Instant now = now();
        return Panache.withTransaction(() -> producers.findByIdForUpdate(id).map(p -> {
                    if (p == null) {
                        throw ProblemException.notFound("No producer " + id);
                    }
                    if (!p.revoked()) {
                        p.revokedAt = now;
                        p.previousSecretSealed = null;
                        p.previousSecretExpiresAt = null;
                    }
                    return p;
                }))
                .replaceWithVoid();
    }

    /**
     * Verifies a producer's signed request with the platform's one authenticator and returns the
     * producer: unknown producers fail exactly like a wrong signature (401 {@code signature-invalid});
     * a revoked producer that signs correctly gets 401 {@code producer-revoked}.
     */
    public Uni<Producer> authenticate(
            String producerIdHeader,
            String method,
            String pathWithQuery,
            String timestamp,
            String nonce,
            String signature,
            byte[] body) {
        return authenticator.authenticate(
                new SignedRequest(producerIdHeader, method, pathWithQuery, timestamp, nonce, signature, body), signers);
    }

    /** Producers as signers of {@code POST /api/v1/signals}. */
    private final Signers<Producer> signers = new Signers<>() {
        @Override
        public String scope() {
            return "producer";
        }

        @Override
        public Uni<Producer> find(UUID id) {
            return producers.findById(id);
        }

        @Override
        public List<String> secrets(Producer p) {
            return secretBox.validSecrets(
                    p.secretSealed, p.previousSecretSealed, p.previousSecretExpiresAt, Instant.now());
        }

        @Override
        public boolean active(Producer p) {
            return !p.revoked();
        }
    };

    /** The active producer whose TradingView token this is; 404 for unknown and revoked tokens alike. */
    public Uni<Producer> byTradingViewToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(unknownHook());
        }
        String hash = Hmac.sha256Hex(token);
        return Panache.withSession(() -> producers.findByTradingViewTokenHash(hash))
                .map(p -> {
                    if (p == null || p.revoked()) {
                        throw unknownHook();
                    }
                    return p;
                });
    }

    private static ProblemException unknownHook() {
        return ProblemException.notFound("No webhook at this address");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
