package io.signaldesk.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.hmac.SignatureVerifier;
import io.signaldesk.platform.hmac.SignedRequest;
import io.signaldesk.platform.problem.ProblemException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The platform signature check against a real Redis nonce store. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class SignatureVerifierTest {
    static final String SECRET = "device-secret-for-tests-0001";
    static final String DEV_1 = UUID.randomUUID().toString();
    static final String DEV_A = UUID.randomUUID().toString();
    static final String DEV_B = UUID.randomUUID().toString();

    @Inject
    SignatureVerifier verifier;

    static SignedRequest signed(String device, long ts, String nonce, String secret, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String sig = Hmac.sign(secret, Hmac.canonical("POST", "/api/v1/ea/ack", ts, nonce, b));
        return new SignedRequest(device, "POST", "/api/v1/ea/ack", Long.toString(ts), nonce, sig, b);
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String slug(Throwable t) {
        return ((ProblemException) t).problem().type().toString().replace("https://signaldesk.io/problems/", "");
    }

    void refused(SignedRequest r, List<String> secrets, String expectedSlug) {
        assertThatThrownBy(() -> verifier.verify("device", r, secrets).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ProblemException.class)
                .satisfies(t -> assertThat(slug(t)).isEqualTo(expectedSlug))
                .satisfies(t ->
                        assertThat(((ProblemException) t).problem().status()).isEqualTo(401));
    }

    @Test
    void aFreshCorrectlySignedRequestPassesOnceAndItsReplayIsRefused() {
        SignedRequest r = signed(DEV_1, System.currentTimeMillis(), nonce(), SECRET, "{\"x\":1}");
        verifier.verify("device", r, List.of(SECRET)).await().atMost(Duration.ofSeconds(5));
        refused(r, List.of(SECRET), "signature-replayed");
    }

    @Test
    void theSameNonceFromAnotherDeviceIsItsOwn() {
        String n = nonce();
        verifier.verify("device", signed(DEV_A, System.currentTimeMillis(), n, SECRET, ""), List.of(SECRET))
                .await()
                .indefinitely();
        verifier.verify("device", signed(DEV_B, System.currentTimeMillis(), n, SECRET, ""), List.of(SECRET))
                .await()
                .indefinitely();
    }

    @Test
    void staleOrFutureTimestampsAreRefused() {
        refused(
                signed(DEV_1, System.currentTimeMillis() - 31_000, nonce(), SECRET, ""),
                List.of(SECRET),
                "signature-stale");
        refused(
                signed(DEV_1, System.currentTimeMillis() + 31_000, nonce(), SECRET, ""),
                List.of(SECRET),
                "signature-stale");
    }

    @Test
    void aWrongSignatureIsRefusedWithoutBurningTheNonce() {
        String n = nonce();
        long ts = System.currentTimeMillis();
        refused(signed(DEV_1, ts, n, "some-other-secret-0000", ""), List.of(SECRET), "signature-invalid");
        // the legitimate device can still use that nonce
        verifier.verify("device", signed(DEV_1, ts, n, SECRET, ""), List.of(SECRET))
                .await()
                .indefinitely();
    }

    @Test
    void duringRotationBothSecretsAreAccepted() {
        String old = "old-secret-0000000000";
        verifier.verify("device", signed(DEV_1, System.currentTimeMillis(), nonce(), old, ""), List.of(SECRET, old))
                .await()
                .indefinitely();
        refused(signed(DEV_1, System.currentTimeMillis(), nonce(), old, ""), List.of(SECRET), "signature-invalid");
    }

    @Test
    void malformedHeadersAreRefused() {
        refused(
                new SignedRequest(DEV_1, "GET", "/x", null, nonce(), "a".repeat(64), new byte[0]),
                List.of(SECRET),
                "signature-missing");
        refused(
                new SignedRequest(DEV_1, "GET", "/x", "yesterday", nonce(), "a".repeat(64), new byte[0]),
                List.of(SECRET),
                "signature-malformed");
        refused(
                new SignedRequest(
                        DEV_1,
                        "GET",
                        "/x",
                        Long.toString(System.currentTimeMillis()),
                        "short",
                        "a".repeat(64),
                        new byte[0]),
                List.of(SECRET),
                "signature-malformed");
        refused(
                new SignedRequest(
                        DEV_1, "GET", "/x", Long.toString(System.currentTimeMillis()), nonce(), "zz", new byte[0]),
                List.of(SECRET),
                "signature-malformed");
    }

    @Test
    void anotherSpellingOfTheSignerIdIsMalformedSoItCannotOpenASecondNonceSpace() {
        String n = nonce();
        long ts = System.currentTimeMillis();
        verifier.verify("device", signed(DEV_1, ts, n, SECRET, ""), List.of(SECRET))
                .await()
                .indefinitely();
        // the captured request replayed with the id upper-cased (UUID.fromString would accept it)
        refused(
                signed(DEV_1.toUpperCase(java.util.Locale.ROOT), ts, n, SECRET, ""),
                List.of(SECRET),
                "signature-malformed");
        refused(signed("1-1-1-1-1", ts, nonce(), SECRET, ""), List.of(SECRET), "signature-malformed");
        refused(signed(" " + DEV_1, ts, nonce(), SECRET, ""), List.of(SECRET), "signature-malformed");
        refused(signed(DEV_1, ts, n, SECRET, ""), List.of(SECRET), "signature-replayed");
    }
}
