package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each distinct access token is verified once; what is kept never widens what is accepted. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class VerifiedTokenCacheTest {
    @Inject
    MeterRegistry metrics;

    double count(String result) {
        return metrics.get("signaldesk.jwt.verifications")
                .tag("result", result)
                .counter()
                .count();
    }

    static int me(String token) {
        return given().auth().oauth2(token).get("/api/v1/me").statusCode();
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromWhatWasVerified() {
        String token = TestTokens.valid(UUID.randomUUID().toString());
        double verified = count("verified");
        double hits = count("hit");
        assertThat(me(token)).isNotEqualTo(401);
        assertThat(me(token)).isNotEqualTo(401);
        assertThat(me(token)).isNotEqualTo(401);
        assertThat(count("verified") - verified).isEqualTo(1);
        assertThat(count("hit") - hits).isEqualTo(2);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsVerifiedOnItsOwnAndRefused() {
        String token = TestTokens.valid(UUID.randomUUID().toString());
        assertThat(me(token)).isNotEqualTo(401);
        String[] parts = token.split("\\.");
        // same header and claims, another signature; then other claims under the old signature
        String sig = parts[2];
        String otherSig = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
        assertThat(me(parts[0] + "." + parts[1] + "." + otherSig)).isEqualTo(401);
        String otherClaims = TestTokens.valid(UUID.randomUUID().toString()).split("\\.")[1];
        assertThat(me(parts[0] + "." + otherClaims + "." + sig)).isEqualTo(401);
        assertThat(me(token)).as("the original still passes").isNotEqualTo(401);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Jwt.issuer(TestTokens.ISS)
                .audience(TestTokens.AUD)
                .subject(UUID.randomUUID().toString())
                .upn("x@test.io")
                .groups(Set.of("trader"))
                .expiresAt(Instant.now().plusSeconds(2))
                .sign();
        assertThat(me(token)).isNotEqualTo(401);
        Thread.sleep(8_000); // past exp and the 5 s clock skew the verification allows
        assertThat(me(token)).isEqualTo(401);
    }
}
