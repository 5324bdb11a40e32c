package io.signaldesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real servers a test JVM talks to, started once per JVM. Each server is reused when one
 * already answers on its standard loopback port (the local stack's, or the machine's own Postgres
 * and Redis); otherwise it is started inside this JVM on a free port and dies with it.
 * Override with {@code SIGNALDESK_TEST_PG_PORT}, {@code SIGNALDESK_TEST_REDIS_PORT},
 * {@code SIGNALDESK_TEST_KAFKA_PORT}. Tests isolate their data by database, key prefix and topic
 * prefix, never by relying on an empty server.
 */
public final class TestInfra {
    private static TestInfra instance;

    public final LocalPostgres postgres;
    public final LocalRedis redis;
    public final LocalKafka kafka;
    public final DevKeys keys;

    private TestInfra() {
        postgres = LocalPostgres.ensure(pick("SIGNALDESK_TEST_PG_PORT", 5432), null, false);
        redis = LocalRedis.ensure(pick("SIGNALDESK_TEST_REDIS_PORT", 6379), null);
        int kafkaPort = pick("SIGNALDESK_TEST_KAFKA_PORT", 9092);
        kafka = LocalKafka.ensure(kafkaPort, Ports.free(), null, false);
        try {
            keys = DevKeys.ensure(Files.createTempDirectory("signaldesk-test-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // JVM shutdown hooks run concurrently: run what depends on the servers first, then stop
                            // them.
                            for (Runnable r : beforeStop) {
                                try {
                                    r.run();
                                } catch (RuntimeException e) {
                                    System.err.println("test infra shutdown step failed: " + e);
                                }
                            }
                            kafka.close();
                            redis.close();
                            postgres.close();
                        },
                        "test-infra-shutdown"));
    }

    private final java.util.List<Runnable> beforeStop = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs at JVM exit before the servers stop (e.g. stopping processes that use them). */
    public void beforeStop(Runnable r) {
        beforeStop.add(0, r);
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = new TestInfra();
        }
        return instance;
    }

    /** The configured port when set; the standard port when something listens there; else a free one. */
    private static int pick(String env, int standard) {
        String v = System.getenv(env);
        if (v != null && !v.isBlank()) {
            return Integer.parseInt(v.trim());
        }
        return Ports.isListening(standard) ? standard : Ports.free();
    }

    public static String uniqueSuffix() {
        return Long.toString(System.currentTimeMillis(), 36) + Integer.toString((int) (Math.random() * 46655), 36);
    }

    public Path keyDir() {
        return keys.publicKey().getParent();
    }
}
