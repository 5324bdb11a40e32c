package io.signaldesk.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: real Postgres, Redis and Kafka (see {@link TestInfra}) and, for this
 * application start, its own database, Redis key prefix and Kafka topic prefix.
 * Use with {@code @QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {
    /** The values handed to the application under test, for tests that talk to the same servers. */
    public static volatile Map<String, String> current = Map.of();

    private String database;
    private TestInfra infra;

    @Override
    public Map<String, String> start() {
        infra = TestInfra.get();
        String suffix = TestInfra.uniqueSuffix();
        database = "sdtest_" + suffix;
        infra.postgres.createDatabase(database, true);
        Map<String, String> cfg = new HashMap<>();
        cfg.put("quarkus.datasource.reactive.url", infra.postgres.reactiveUrl(database));
        cfg.put("quarkus.datasource.jdbc.url", infra.postgres.jdbcUrl(database));
        cfg.put("quarkus.datasource.username", LocalPostgres.USER);
        cfg.put("quarkus.redis.hosts", infra.redis.url());
        cfg.put("kafka.bootstrap.servers", infra.kafka.bootstrapServers());
        cfg.put("signaldesk.kafka.topic-prefix", "t" + suffix + ".");
        cfg.put("signaldesk.redis.key-prefix", "t" + suffix + ":");
        cfg.put(
                "mp.jwt.verify.publickey.location",
                infra.keys.publicKey().toUri().toString());
        cfg.put(
                "smallrye.jwt.sign.key.location",
                infra.keys.privateKey().toUri().toString());
        cfg.put("test.database", database);
        current = Map.copyOf(cfg);
        return cfg;
    }

    @Override
    public void stop() {
        // Keep the database when asked, for a look after a failed run.
        if (infra != null && !"true".equals(System.getenv("SIGNALDESK_KEEP_TEST_DB"))) {
            try {
                infra.postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }
}
