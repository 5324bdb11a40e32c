package io.signaldesk.approval.ea;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polling EAs when a command for their device is committed. A commit publishes
 * {@code <prefix>ea:wake:<deviceId>} on Redis pub/sub; every approval-service instance listens to the
 * pattern and completes the waiting polls of that device it holds. A waiting poll costs no thread
 * and no database query; if Redis is down, polls simply wait out their timeout and find the
 * command on the next poll.
 */
@ApplicationScoped
public class CommandWakeup {
    private static final Logger LOG = Logger.getLogger(CommandWakeup.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final String prefix;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    public CommandWakeup(ReactiveRedisDataSource redis, PlatformConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.prefix = config.redis().keyPrefix() + "ea:wake:";
    }

    void subscribe(@Observes StartupEvent ev) {
        pubsub.subscribeToPattern(prefix + "*", (channel, msg) -> wakeLocal(channel.substring(prefix.length())))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(s -> LOG.debugf("listening for EA wake-ups on %s*", prefix),
                        t -> LOG.errorf(t, "cannot listen for EA wake-ups"));
    }

    /** Registers interest before the caller looks for commands, so no wake-up can slip between. */
    public CompletableFuture<Void> register(UUID deviceId) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.computeIfAbsent(deviceId, k -> ConcurrentHashMap.newKeySet()).add(f);
        return f;
    }

    public void unregister(UUID deviceId, CompletableFuture<Void> f) {
        waiting.computeIfPresent(deviceId, (k, set) -> {
            set.remove(f);
            return set.isEmpty() ? null : set;
        });
    }

    /** After commit: tell every instance that this device has work. */
    public Uni<Void> publish(UUID deviceId) {
        wakeLocal(deviceId.toString()); // same instance: no need to wait for the round trip
        return pubsub.publish(prefix + deviceId, "1")
                .onFailure().invoke(t -> LOG.warnf("EA wake-up for %s not published (%s); the next poll finds it", deviceId, t))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void wakeLocal(String deviceId) {
        UUID id;
        try {
            id = UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            return;
        }
        Set<CompletableFuture<Void>> set = waiting.get(id);
        if (set != null) {
            set.forEach(f -> f.complete(null));
        }
    }

    public int waitingPolls() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
