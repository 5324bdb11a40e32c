package io.signaldesk.load;

import io.signaldesk.localstack.EaClient;
import io.signaldesk.localstack.GatewayApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * What the simulations seed before their load: access tokens signed with the local stack's
 * development key, and devices. Kept out of the simulations' classes on purpose: they seed from
 * their static initialisers, and a worker thread that touched such a class would wait for that
 * initialiser to finish, which waits for the worker.
 */
public final class Seeding {
    private Seeding() {}

    /** The local stack's development signing key ({@code .local/keys}, from the project root or load-tests). */
    public static PrivateKey developmentKey(String keysDir) {
        Path dir = Path.of(
                keysDir != null
                        ? keysDir
                        : Files.isDirectory(Path.of(".local/keys")) ? ".local/keys" : "../.local/keys");
        try {
            String b64 = Files.readString(dir.resolve("jwt-private.pem"), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development key in " + dir, e);
        }
    }

    /** A trader's access token for {@code user}, valid for an hour, as the gateway would issue it. */
    public static String token(PrivateKey key, UUID user) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("https://signaldesk.io");
            claims.setAudience("signaldesk");
            claims.setSubject(user.toString());
            claims.setStringListClaim("groups", List.of("trader"));
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(60);
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} devices, each of a trader of its own, registered at {@code serviceUrl}
     * (approval-service) with 8 requests at a time; their clients sign for {@code gatewayUrl}.
     */
    public static List<EaClient> devices(String serviceUrl, String gatewayUrl, int count, PrivateKey key) {
        GatewayApi service = new GatewayApi(serviceUrl);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<EaClient>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String account = run + i;
                futures.add(pool.submit(() -> {
                    GatewayApi.Answer d = service.post(
                                    "/api/v1/devices",
                                    token(key, UUID.randomUUID()),
                                    "{\"name\":\"fleet\",\"brokerAccount\":\"" + account
                                            + "\",\"brokerServer\":\"Fleet-Server\"}")
                            .expect(201);
                    return new EaClient(gatewayUrl, d.field("id"), d.field("secret"));
                }));
            }
            List<EaClient> eas = new ArrayList<>();
            for (Future<EaClient> f : futures) {
                eas.add(f.get());
            }
            return eas;
        } catch (Exception e) {
            throw new IllegalStateException("registering devices failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Prometheus text of a service's {@code /q/metrics} on its management interface. */
    public static String scrape(String managementUrl) throws java.io.IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(managementUrl + "/q/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
