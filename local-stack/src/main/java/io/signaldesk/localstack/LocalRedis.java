package io.signaldesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis server on loopback: reuses one on the port, otherwise starts the embedded Redis binary. */
public final class LocalRedis implements AutoCloseable {
    private final int port;
    private final RedisServer server;

    private LocalRedis(int port, RedisServer server) {
        this.port = port;
        this.server = server;
    }

    public static LocalRedis ensure(int port, Path dataDir) {
        if (Ports.isListening(port)) {
            return new LocalRedis(port, null);
        }
        try {
            redis.embedded.core.RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind(Ports.LOOPBACK)
                    .onShutdownForceStop(true)
                    .setting("maxmemory 256mb")
                    .setting("maxmemory-policy allkeys-lru");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setting("dir " + dataDir.toAbsolutePath()).setting("appendonly yes");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            Ports.awaitListening(port, 10_000, "redis");
            return new LocalRedis(port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public boolean startedHere() {
        return server != null;
    }

    public String url() {
        return "redis://" + Ports.LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
