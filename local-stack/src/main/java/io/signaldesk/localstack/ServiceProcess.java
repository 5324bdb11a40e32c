package io.signaldesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One SignalDesk service running from its packaged Quarkus app, with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {
    public static final List<String> SERVICES = List.of(
            "gateway",
            "signal-service",
            "approval-service",
            "reconciliation-service",
            "affiliate-service",
            "payout-service");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private volatile boolean closed;
    private final Path log;
    private final boolean recordingAot;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log, boolean recordingAot) {
        this.recordingAot = recordingAot;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given system properties: the
     * API on {@code port}, health, metrics and OpenAPI on {@code managementPort} (both on loopback).
     */
    public static ServiceProcess start(
            Path root, String name, int port, int managementPort, Map<String, String> props, Path logDir, String heap) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        for (int p : new int[] {port, managementPort}) {
            if (Ports.isListening(p)) {
                throw new IllegalStateException("port " + p + " for " + name + " is already in use");
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        Aot aot = Aot.fromEnvironment();
        boolean recordingAot = aot.recording(name); // decided once: the cache appears only when it stops
        cmd.addAll(aot.options(name, recordingAot));
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.management.port=" + managementPort);
        Launch launch = Launch.of(props);
        cmd.addAll(launch.systemProperties());
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(cmd)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(launch.environment());
            Process p = builder.start();
            return new ServiceProcess(name, port, managementPort, p, log, recordingAot);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /**
     * How a service's settings reach it: as {@code -D} options, except secrets. A process's command
     * line is readable by every user of the machine ({@code ps}, {@code /proc/<pid>/cmdline}); its
     * environment only by its own user. So passwords, peppers, keys and tokens go into environment
     * variables, named as SmallRye Config reads them ({@code quarkus.datasource.password} →
     * {@code QUARKUS_DATASOURCE_PASSWORD}). An empty value means "not set": left out so defaults apply.
     */
    record Launch(List<String> systemProperties, Map<String, String> environment) {
        private static final java.util.regex.Pattern SECRET =
                java.util.regex.Pattern.compile("password|secret|pepper|token|api-key|\\.key$");

        static Launch of(Map<String, String> props) {
            List<String> options = new ArrayList<>();
            Map<String, String> env = new java.util.TreeMap<>();
            new java.util.TreeMap<>(props).forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    return;
                }
                if (SECRET.matcher(k.toLowerCase(java.util.Locale.ROOT)).find()) {
                    env.put(k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT), v);
                } else {
                    options.add("-D" + k + "=" + v);
                }
            });
            return new Launch(List.copyOf(options), Map.copyOf(env));
        }
    }

    /** The management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://" + Ports.LOOPBACK + ":" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once {@link #close} has run: the process was ended on purpose. */
    boolean stoppedOnPurpose() {
        return closed;
    }

    /** The exit code, or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The operating system's process id. */
    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} on the management port answers 200 (UP). */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Ports.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ": " + last + "; see " + log);
    }

    /**
     * SIGTERM, then SIGKILL if it has not stopped within the grace period: 15 s, or 180 s while a JVM
     * that records an AOT cache writes it on its way out.
     */
    @Override
    public void close() {
        closed = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(recordingAot ? 180 : 15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The JDK's ahead-of-time cache (JEP 483/514, JDK 25 and later) for each service, kept in the
     * folder named by {@code SIGNALDESK_AOT_CACHE_DIR}. A service without a cache there records one
     * while it runs ({@code -XX:AOTCacheOutput}; the JVM writes it when the service stops), so that
     * run is the training run; a service with one starts from it ({@code -XX:AOTCache}). A cache
     * that no longer matches the service's jars is ignored by the JVM (it starts without one), so
     * after a build the folder should be emptied. Unset, or on an older JDK: no options.
     */
    record Aot(Path dir) {
        static Aot fromEnvironment() {
            String dir = System.getenv("SIGNALDESK_AOT_CACHE_DIR");
            return new Aot(dir == null || dir.isBlank() || Runtime.version().feature() < 25 ? null : Path.of(dir));
        }

        Path cache(String service) {
            return dir.toAbsolutePath().resolve(service + ".aot");
        }

        boolean recording(String service) {
            return dir != null && !Files.exists(cache(service));
        }

        List<String> options(String service, boolean recording) {
            if (dir == null) {
                return List.of();
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create " + dir, e);
            }
            return recording
                    ? List.of("-XX:AOTCacheOutput=" + cache(service))
                    : List.of("-XX:AOTCache=" + cache(service));
        }
    }

    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("local-stack").resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the SignalDesk checkout");
        }
        return p;
    }
}
