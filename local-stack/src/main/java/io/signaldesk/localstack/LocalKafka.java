package io.signaldesk.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this
 * JVM on 127.0.0.1. Supports stop and start again on the same ports and log directory, which tests
 * use to take the broker away mid-flow.
 */
public final class LocalKafka implements AutoCloseable {
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final String clusterId;
    private KafkaRaftServer server;

    private LocalKafka(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.clusterId = Uuid.randomUuid().toString();
    }

    /**
     * Reuses a broker already answering on {@code port} (returns an instance that does not own it),
     * otherwise formats {@code logDir} (if new) and starts one.
     */
    public static LocalKafka ensure(int port, int controllerPort, Path logDir, boolean reset) {
        if (Ports.isListening(port)) {
            return new LocalKafka(port, controllerPort, null);
        }
        try {
            if (reset && logDir != null && Files.exists(logDir)) {
                deleteTree(logDir);
            }
            Path dir =
                    logDir != null ? Files.createDirectories(logDir) : Files.createTempDirectory("signaldesk-kafka-");
            LocalKafka k = new LocalKafka(port, controllerPort, dir);
            k.start();
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh broker on free loopback ports with a throw-away log directory. */
    public static LocalKafka startFresh() {
        return ensure(Ports.free(), Ports.free(), null, false);
    }

    public synchronized void start() {
        if (logDir == null) {
            throw new IllegalStateException("this broker is not owned by this process");
        }
        if (server != null) {
            return;
        }
        // A fatal broker fault must not halt the JVM that hosts tests or the launcher.
        Exit.setHaltProcedure((code, msg) -> {
            throw new IllegalStateException("kafka broker halted (" + code + "): " + msg);
        });
        Exit.setExitProcedure((code, msg) -> {
            throw new IllegalStateException("kafka broker exited (" + code + "): " + msg);
        });
        Properties props = props();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(new KafkaConfig(props, false)); // formatted once; a restart keeps its cluster id
        }
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        s.startup();
        server = s;
    }

    /** Shuts the broker down and waits for it; data stays in the log directory for {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public boolean ownedHere() {
        return logDir != null;
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    private Properties props() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "10000");
        p.put("log.retention.hours", "168");
        // The log cleaner (compacted checkpoint topics) allocates its dedupe map on the heap at start:
        // 128 MiB by default. Inside a test JVM of 1 GiB that also holds several Quarkus apps it failed
        // with OutOfMemoryError ("Error starting LogManager") and left the gateway's tests hanging.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }

    private void format(KafkaConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter f = new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setHasDynamicQuorum(false)
                .setIgnoreFormatted(true);
        config.logDirs().forEach(f::addDirectory);
        f.addDirectory(config.metadataLogDir());
        try {
            f.run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format kafka storage " + logDir + ": " + out, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
