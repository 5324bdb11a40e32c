package io.signaldesk.platform.hmac;

import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Verifies an HMAC-signed request: well-formed headers, a timestamp inside the window, a matching
 * signature under any of the signer's currently valid secrets (rotation grace), and a nonce never
 * seen before within its TTL ({@link NonceStore}, in Postgres: no Redis on this path, so a Redis
 * outage costs signed traffic nothing). The nonce is only burnt after the signature checks out, so
 * nobody can use up someone else's nonces.
 */
@ApplicationScoped
public class SignatureVerifier {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    /** Signer ids are UUIDs in their one canonical spelling, so one signer has one nonce space. */
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final NonceStore nonces;
    private final PlatformConfig.Hmac config;
    private final Clock clock;

    @Inject
    public SignatureVerifier(NonceStore nonces, PlatformConfig platform) {
        this(nonces, platform.hmac(), Clock.systemUTC());
    }

    SignatureVerifier(NonceStore nonces, PlatformConfig.Hmac config, Clock clock) {
        this.nonces = nonces;
        this.config = config;
        this.clock = clock;
    }

    /** Checks what can be checked without secrets; throws 401 problems. Returns the timestamp. */
    public long checkShape(SignedRequest r) {
        if (r.keyId() == null
                || r.keyId().isBlank()
                || r.timestamp() == null
                || r.nonce() == null
                || r.signature() == null) {
            throw fail(
                    "signature-missing", "Signed requests need the id, X-Timestamp, X-Nonce and X-Signature headers");
        }
        if (!CANONICAL_UUID.matcher(r.keyId()).matches()) {
            throw fail("signature-malformed", "The signer id must be a UUID in lower case (8-4-4-4-12 hex digits)");
        }
        long ts;
        try {
            ts = Long.parseLong(r.timestamp());
        } catch (NumberFormatException e) {
            throw fail("signature-malformed", "X-Timestamp must be epoch milliseconds");
        }
        if (!NONCE.matcher(r.nonce()).matches()) {
            throw fail("signature-malformed", "X-Nonce must be 16-64 characters of [A-Za-z0-9_-]");
        }
        if (!HEX64.matcher(r.signature()).matches()) {
            throw fail("signature-malformed", "X-Signature must be 64 hex characters");
        }
        long skew = Math.abs(clock.millis() - ts);
        if (skew > config.window().toMillis()) {
            throw fail(
                    "signature-stale",
                    "X-Timestamp is " + skew + " ms from server time; the window is "
                            + config.window().toMillis() + " ms");
        }
        return ts;
    }

    /**
     * Full verification against the candidate secrets (current, and the previous one during a rotation
     * grace period). Fails with a 401 problem+json. {@code scope} names the kind of signer
     * ({@code device}, {@code producer}): a nonce is remembered per scope and canonical signer id.
     */
    public Uni<Void> verify(String scope, SignedRequest r, Collection<String> secrets) {
        long ts;
        try {
            ts = checkShape(r);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        String canonical = Hmac.canonical(r.method(), r.pathWithQuery(), ts, r.nonce(), r.body());
        boolean ok = false;
        for (String secret : secrets) {
            // evaluate every candidate: no early exit that would leak which one matched through timing
            ok |= Hmac.verify(secret, canonical, r.signature());
        }
        if (!ok) {
            return Uni.createFrom().failure(fail("signature-invalid", "The signature does not match the request"));
        }
        return nonces.burn(scope, r.keyId(), r.nonce(), config.nonceTtl())
                .onFailure()
                .transform(t -> new ProblemException(
                        Problem.of(
                                503,
                                "dependency-unavailable",
                                "Service unavailable",
                                "The nonce store is unavailable; retry shortly"),
                        java.util.Map.of("Retry-After", "2")))
                .onItem()
                .transformToUni(fresh -> fresh
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(fail("signature-replayed", "This nonce was already used")));
    }

    private static ProblemException fail(String slug, String detail) {
        return new ProblemException(Problem.of(401, slug, "Signature rejected", detail));
    }
}
