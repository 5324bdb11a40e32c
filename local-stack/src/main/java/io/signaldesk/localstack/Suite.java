package io.signaldesk.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * All six services as processes against given servers. Used by the run command (fixed ports) and
 * by the system tests (free ports, own database and topic prefix).
 */
public final class Suite implements AutoCloseable {
    /** Where each service listens, and the extra settings it gets. */
    public record Plan(
            Map<String, Integer> ports,
            Map<String, Integer> managementPorts,
            Map<String, String> common,
            Map<String, Map<String, String>> perService,
            Path logDir,
            String heap) {}

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, ServiceProcess> byName = new LinkedHashMap<>();
    private Path root;
    private Plan plan;
    private volatile boolean closing;
    private Worker supervisor;

    public static Map<String, Integer> standardPorts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < ServiceProcess.SERVICES.size(); i++) {
            m.put(ServiceProcess.SERVICES.get(i), 8080 + i);
        }
        return m;
    }

    /** Management interfaces (health, metrics, OpenAPI): 9080-9085, never the public ports. */
    public static Map<String, Integer> standardManagementPorts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < ServiceProcess.SERVICES.size(); i++) {
            m.put(ServiceProcess.SERVICES.get(i), 9080 + i);
        }
        return m;
    }

    public static Map<String, Integer> freePorts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        ServiceProcess.SERVICES.forEach(s -> m.put(s, Ports.free()));
        return m;
    }

    /** The settings shared by all services for the given servers and database. */
    public static Map<String, String> infraSettings(
            LocalPostgres pg,
            String database,
            LocalRedis redis,
            LocalKafka kafka,
            DevKeys keys,
            String topicPrefix,
            String redisPrefix) {
        Map<String, String> m = new HashMap<>();
        m.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        m.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        m.put("quarkus.datasource.username", LocalPostgres.USER);
        m.put("quarkus.redis.hosts", redis.url());
        m.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        m.put("signaldesk.kafka.topic-prefix", topicPrefix);
        m.put("signaldesk.redis.key-prefix", redisPrefix);
        m.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
        m.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
        m.putAll(keys.secretSettings()); // the prod profile refuses the repository's development values
        return m;
    }

    /** Gateway routes pointing at the planned ports. */
    public static Map<String, String> gatewayRoutes(Map<String, Integer> ports) {
        Map<String, String> m = new HashMap<>();
        Map<String, String> names = Map.of(
                "signal",
                "signal-service",
                "approval",
                "approval-service",
                "reconciliation",
                "reconciliation-service",
                "affiliate",
                "affiliate-service",
                "payout",
                "payout-service");
        names.forEach((route, service) ->
                m.put("gateway.routes." + route + ".url", "http://127.0.0.1:" + ports.get(service)));
        return m;
    }

    /** Starts every service (in parallel) and waits until all are ready. */
    public static Suite start(Path root, Plan plan, Duration readyTimeout) {
        Suite suite = new Suite();
        suite.root = root;
        suite.plan = plan;
        try {
            for (String name : ServiceProcess.SERVICES) {
                ServiceProcess p = suite.launch(name);
                suite.processes.add(p);
                suite.byName.put(name, p);
            }
            ExecutorService pool = Executors.newFixedThreadPool(suite.processes.size());
            try {
                List<Future<?>> waits = new ArrayList<>();
                for (ServiceProcess p : suite.processes) {
                    waits.add(pool.submit(() -> p.awaitReady(readyTimeout)));
                }
                for (Future<?> f : waits) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return suite;
        } catch (Exception e) {
            suite.close();
            throw new IllegalStateException(
                    "the suite did not come up: "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    e);
        }
    }

    private ServiceProcess launch(String name) {
        Map<String, String> props = new HashMap<>(plan.common());
        props.putAll(plan.perService().getOrDefault(name, Map.of()));
        return ServiceProcess.start(
                root,
                name,
                plan.ports().get(name),
                plan.managementPorts().get(name),
                props,
                plan.logDir(),
                plan.heap());
    }

    /** Stops one service (SIGTERM), e.g. to show that nothing is lost while it is away. */
    public synchronized void stop(String name) {
        byName.get(name).close();
    }

    /** Starts a stopped service again with the same settings and waits until it is ready. */
    public synchronized void startAgain(String name, Duration readyTimeout) {
        ServiceProcess old = byName.get(name);
        old.close();
        ServiceProcess p = launch(name);
        processes.set(processes.indexOf(old), p);
        byName.put(name, p);
        p.awaitReady(readyTimeout);
    }

    /**
     * Starts a service again when its process ends by itself (a crash, {@code kill -9}), as a
     * Deployment would, with the same settings; {@code say} hears each restart. What {@link #stop}
     * and {@link #close} end stays ended.
     */
    public synchronized void superviseRestarts(java.util.function.Consumer<String> say) {
        supervisor = new Worker("suite-supervisor", () -> {
            while (!closing && supervisor.running()) {
                for (String name : ServiceProcess.SERVICES) {
                    synchronized (this) {
                        ServiceProcess p = byName.get(name);
                        if (closing || p == null || p.isAlive() || p.stoppedOnPurpose()) {
                            continue;
                        }
                        say.accept(name + " exited (" + p.exitCode() + "); starting it again");
                        ServiceProcess again = launch(name);
                        processes.set(processes.indexOf(p), again);
                        byName.put(name, again);
                    }
                }
                if (!Ports.pause(500)) {
                    return;
                }
            }
        });
        supervisor.start();
    }

    public ServiceProcess service(String name) {
        return byName.get(name);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        closing = true;
        if (supervisor != null) {
            supervisor.close();
        }
        processes.parallelStream().forEach(ServiceProcess::close);
    }
}
