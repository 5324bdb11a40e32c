package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Waiting EA long-polls must not starve a trader's ordinary request: with the ordinary pool at 2
 * connections and 6 polls held by the service, a read still answers at once.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LongPollPoolTest.SlowPolls.class, restrictToAnnotatedClass = true)
class LongPollPoolTest {
    /** A stand-in approval-service whose EA polls wait 4 s and whose other answers are immediate. */
    public static class SlowPolls implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/v1/ea/poll", ex -> {
                try {
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(ex, "{\"commands\":[]}");
            });
            server.createContext("/api/v1/traders/me", ex -> answer(ex, "{\"userId\":\"x\"}"));
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of(
                    "gateway.routes.approval.url", url,
                    "%test.gateway.routes.approval.url", url,
                    "gateway.proxy.max-pool-size", "2");
        }

        static void answer(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void waitingLongPollsLeaveTheOrdinaryPoolToOrdinaryRequests() throws Exception {
        List<CompletableFuture<Integer>> polls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> given().get("/api/v1/ea/poll?waitMs=20000").statusCode()))
                .toList();
        Thread.sleep(1_000); // the polls are held upstream now
        String token = TestTokens.valid(UUID.randomUUID().toString());
        Instant t0 = Instant.now();
        int status = given().auth().oauth2(token).get("/api/v1/traders/me").statusCode();
        Duration took = Duration.between(t0, Instant.now());
        assertThat(status).isEqualTo(200);
        assertThat(took)
                .as("a trader's read while 6 polls wait on a 2-connection ordinary pool")
                .isLessThan(Duration.ofSeconds(2));
        for (CompletableFuture<Integer> p : polls) {
            assertThat(p.get()).isEqualTo(200);
        }
    }
}
