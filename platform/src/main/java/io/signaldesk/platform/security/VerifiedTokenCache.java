package io.signaldesk.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JWT parser every service verifies bearer tokens with (it replaces SmallRye JWT's default bean):
 * each distinct access token is verified once (signature, issuer, audience, expiry, by SmallRye JWT)
 * and its verified claims are kept until the token's own expiry, so the next requests with it cost a
 * map lookup instead of an RSA verification. The key is the whole token string: a token that differs
 * in a single character (another signature, other claims) is verified on its own; a refused token is
 * never kept; an entry never outlives the token's {@code exp}. At most
 * {@link #MAX_TOKENS} tokens are kept (the least recently used go first).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    static final int MAX_TOKENS = 20_000;

    private final JWTAuthContextInfo context;
    private final DefaultJWTParser delegate;
    private final Cache<String, JsonWebToken> verified;
    private final Counter hits;
    private final Counter misses;

    public VerifiedTokenCache(JWTAuthContextInfo context, JWTCallerPrincipalFactory factory, MeterRegistry metrics) {
        this.context = context;
        this.delegate = new DefaultJWTParser(context, factory);
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(new UntilTokenExpiry())
                .build();
        this.hits = Counter.builder("signaldesk.jwt.verifications")
                .description(
                        "Bearer tokens checked: hit = already verified and unexpired, verified = checked in full now")
                .tag("result", "hit")
                .register(metrics);
        this.misses = Counter.builder("signaldesk.jwt.verifications")
                .tag("result", "verified")
                .register(metrics);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return parse(token, context);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo info) throws ParseException {
        if (info != context) { // another verification context: nothing cached applies
            return delegate.parse(token, info);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            hits.increment();
            return known;
        }
        JsonWebToken jwt = delegate.parse(token, info); // throws when refused: never cached
        misses.increment();
        verified.put(token, jwt);
        return jwt;
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

    /** An entry lives until its token's {@code exp} (in seconds since the epoch), never longer. */
    private static final class UntilTokenExpiry implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long left = jwt.getExpirationTime() * 1000 - System.currentTimeMillis();
            return TimeUnit.MILLISECONDS.toNanos(
                    Math.max(0, Math.min(left, Duration.ofDays(1).toMillis())));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
