package io.signaldesk.approval.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.platform.config.PlatformConfig;
import io.signaldesk.platform.redis.RedisGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Wakes long-polling EAs when a command for their device is committed. A commit publishes
 * {@code <prefix>ea:wake:<deviceId>} on Redis pub/sub; every approval-service instance listens to the
 * pattern and completes the waiting polls of that device it holds. A waiting poll costs no thread
 * and no database query. Every Redis call goes through the {@link RedisGuard}: when Redis hangs or is
 * gone, publishing costs nothing (the breaker fails it at once) and {@link #crossInstance()} is false,
 * so polls wait only a short interval and look again (the EA sees a short poll) until Redis is back.
 */
@ApplicationScoped
public class CommandWakeup {
    private static final Logger LOG = Logger.getLogger(CommandWakeup.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final String prefix;
    /** How a waiting poll ends before its timeout. */
    public enum Wake {
        COMMAND,
        SUPERSEDED
    }

    /** A waiting long-poll. */
    public static final class Poll {
        final String id = UUID.randomUUID().toString();
        final CompletableFuture<Wake> woken = new CompletableFuture<>();
        /** When a fan-out's commit woke it (null: woken otherwise, or not yet). */
        volatile Instant wokenByFanOutAt;

        public CompletableFuture<Wake> woken() {
            return woken;
        }

        public Instant wokenByFanOutAt() {
            return wokenByFanOutAt;
        }
    }

    private final Map<UUID, Set<Poll>> waiting = new ConcurrentHashMap<>();
    /** This instance, so that it ignores the echo of its own poll announcements. */
    private final String instance = UUID.randomUUID().toString();

    private final RedisGuard guard;
    /** Channel suffix of the heartbeat every instance publishes and hears (never a device id). */
    static final String HEARTBEAT = "heartbeat";

    private final long heartbeatMs;
    private final AtomicLong lastHeard = new AtomicLong();
    private final AtomicReference<ReactiveRedisSubscriber> subscriber = new AtomicReference<>();
    private volatile long subscribedAt;
    private volatile boolean crossInstanceSeen;

    private final SignalHops hops;

    public CommandWakeup(ReactiveRedisDataSource redis, PlatformConfig config, RedisGuard guard, SignalHops hops) {
        this.hops = hops;
        this.pubsub = redis.pubsub(String.class);
        this.prefix = config.redis().keyPrefix() + "ea:wake:";
        this.guard = guard;
        this.heartbeatMs = config.redis().probeInterval().toMillis();
    }

    /**
     * Whether a commit on another instance can wake this instance's polls now: Redis answers (the
     * guard's breaker is closed) and this instance's subscription delivers (it heard a heartbeat
     * lately). A pub/sub connection that Redis dropped (a restart, a failover) is not re-subscribed
     * by the client by itself: {@link #heartbeat} notices the silence and subscribes again.
     */
    public boolean crossInstance() {
        return guard.available() && lastHeard.get() >= System.currentTimeMillis() - 3 * heartbeatMs;
    }

    void subscribe(@Observes StartupEvent ev, Vertx vertx) {
        subscribeNow();
        vertx.setPeriodic(heartbeatMs, id -> heartbeat());
    }

    private void subscribeNow() {
        subscribedAt = System.currentTimeMillis();
        pubsub.subscribeToPattern(prefix + "*", (channel, msg) -> {
                    String device = channel.substring(prefix.length());
                    if (HEARTBEAT.equals(device)) {
                        lastHeard.set(System.currentTimeMillis());
                    } else if (msg != null && msg.startsWith("poll:")) {
                        if (!msg.startsWith("poll:" + instance + ":")) { // our own polls were ended when registered
                            supersedeLocal(device, null);
                        }
                    } else {
                        wakeLocal(device, committedAt(msg));
                    }
                })
                .subscribe()
                .with(
                        s -> {
                            ReactiveRedisSubscriber old = subscriber.getAndSet(s);
                            if (old != null) {
                                old.unsubscribe().subscribe().with(v -> {}, t -> {});
                            }
                            LOG.debugf("listening for EA wake-ups on %s*", prefix);
                        },
                        t -> LOG.warnf("cannot listen for EA wake-ups yet (%s); trying again", t.toString()));
    }

    /**
     * Every {@code signaldesk.redis.probe-interval}: publish a heartbeat every instance hears; when
     * this instance has heard none for a while although Redis answers, subscribe again; when
     * wake-ups from other instances stop arriving, end the waiting polls so each looks for its
     * commands now and the next ones wait only the short interval.
     */
    void heartbeat() {
        boolean was = crossInstanceSeen;
        guard.call(() -> pubsub.publish(prefix + HEARTBEAT, instance))
                .subscribe()
                .with(n -> {}, t -> {});
        long now = System.currentTimeMillis();
        if (guard.available() && lastHeard.get() < now - 5 * heartbeatMs && subscribedAt < now - 5 * heartbeatMs) {
            LOG.warnf(
                    "no EA wake-up heartbeat heard for %d ms although Redis answers: subscribing again",
                    now - lastHeard.get());
            subscribeNow();
        }
        crossInstanceSeen = crossInstance();
        if (was && !crossInstanceSeen) {
            LOG.warnf("EA wake-ups from other instances stopped (Redis unavailable): polls turn short");
            waiting.values().forEach(set -> set.forEach(p -> p.woken.complete(Wake.COMMAND)));
        }
    }

    /**
     * Registers interest before the caller looks for commands, so no wake-up can slip between. Ends
     * every older poll of this device, here and on the other instances.
     */
    public Poll register(UUID deviceId) {
        Poll poll = new Poll();
        supersedeLocal(deviceId.toString(), poll.id);
        waiting.compute(deviceId, (k, set) -> { // atomic with unregister's computeIfPresent: never into a removed set
            Set<Poll> polls = set == null ? ConcurrentHashMap.newKeySet() : set;
            polls.add(poll);
            return polls;
        });
        guard.call(() -> pubsub.publish(prefix + deviceId, "poll:" + instance + ":" + poll.id))
                .subscribe()
                .with(n -> {}, t -> LOG.debugf("poll of %s not announced to other instances (%s)", deviceId, t));
        return poll;
    }

    public void unregister(UUID deviceId, Poll poll) {
        waiting.computeIfPresent(deviceId, (k, set) -> {
            set.remove(poll);
            return set.isEmpty() ? null : set;
        });
    }

    /** Ends this instance's polls of the device but {@code newestPollId} (null: all of them). */
    private void supersedeLocal(String deviceId, String newestPollId) {
        Set<Poll> set = waiting.get(parse(deviceId));
        if (set != null) {
            set.stream().filter(p -> !p.id.equals(newestPollId)).forEach(p -> p.woken.complete(Wake.SUPERSEDED));
        }
    }

    /** After commit: tell every instance that this device has work. */
    public Uni<Void> publish(UUID deviceId) {
        wakeLocal(deviceId.toString(), null); // same instance: no need to wait for the round trip
        return announce(deviceId, null);
    }

    /**
     * The wake-up for the other instances, over Redis. After a fan-out it carries the commit's time
     * ({@code w:<epoch ms>}) so the woken poll times the {@code wake} hop ({@link SignalHops});
     * otherwise it is "1", which wakes the same way.
     */
    private Uni<Void> announce(UUID deviceId, Instant committedAt) {
        String msg = committedAt == null ? "1" : FANOUT_WAKE + committedAt.toEpochMilli();
        return guard.call(() -> pubsub.publish(prefix + deviceId, msg))
                .onFailure()
                .invoke(t -> LOG.warnf("EA wake-up for %s not published (%s); the next poll finds it", deviceId, t))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** After a fan-out committed at {@code committedAt}: wake each of these devices (its auto-approved commands). */
    public Uni<Void> publishAll(List<UUID> deviceIds, Instant committedAt) {
        // this instance's polls first, all at once: none waits behind the Redis round trips of the others
        deviceIds.forEach(id -> wakeLocal(id.toString(), committedAt));
        return Multi.createFrom()
                .iterable(deviceIds)
                .onItem()
                .transformToUni(id -> announce(id, committedAt))
                .merge(PUBLISH_CONCURRENCY)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private void wakeLocal(String deviceId, Instant committedAt) {
        Set<Poll> set = waiting.get(parse(deviceId));
        if (set != null) {
            Instant now = Instant.now();
            set.forEach(p -> {
                if (committedAt != null && !p.woken.isDone()) {
                    p.wokenByFanOutAt = now; // before completing: the poll reads it once woken (a metric only)
                }
                if (p.woken.complete(Wake.COMMAND) && committedAt != null) {
                    hops.record(SignalHops.Hop.WAKE, committedAt, now);
                }
            });
        }
    }

    static final String FANOUT_WAKE = "w:";
    /** Publishes of one fan-out in flight at once: a burst that the Redis pool (16 connections) absorbs. */
    static final int PUBLISH_CONCURRENCY = 16;

    /** The fan-out commit's time a wake-up message carries, or null ("1", anything else). */
    private static Instant committedAt(String msg) {
        if (msg == null || !msg.startsWith(FANOUT_WAKE)) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(msg.substring(FANOUT_WAKE.length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID parse(String deviceId) {
        try {
            return UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0); // never a device: nothing waits under it
        }
    }

    public int waitingPolls() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
