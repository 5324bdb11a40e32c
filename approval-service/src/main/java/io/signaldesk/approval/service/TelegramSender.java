package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.approval.TelegramLink;
import io.signaldesk.approval.TelegramNotification;
import io.signaldesk.approval.config.TelegramConfig;
import io.signaldesk.approval.repository.TelegramLinkRepository;
import io.signaldesk.approval.repository.TelegramNotificationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due Telegram notifications, every {@code telegram.send-interval}: claims a batch (FOR UPDATE
 * SKIP LOCKED, one more attempt each) in a short transaction, sends them one by one outside any
 * transaction, then records each outcome: SENT, retried after an exponential backoff, or FAILED
 * (after {@code telegram.max-attempts}, at once when Telegram refuses the message itself, or when the
 * trader unlinked meanwhile). Safe on several replicas. Never logs a URL, token or chat id.
 */
@ApplicationScoped
public class TelegramSender {
    private static final Logger LOG = Logger.getLogger(TelegramSender.class);

    private final TelegramNotificationRepository notifications;
    private final TelegramLinkRepository links;
    private final TelegramBotApi api;
    private final TelegramConfig config;
    private final MeterRegistry metrics;

    public TelegramSender(
            TelegramNotificationRepository notifications,
            TelegramLinkRepository links,
            TelegramBotApi api,
            TelegramConfig config,
            MeterRegistry metrics) {
        this.notifications = notifications;
        this.links = links;
        this.api = api;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        if (!config.active()) {
            LOG.info("Telegram is not active (telegram.enabled=false or no bot token): no alerts are sent");
            return;
        }
        scheduler
                .newJob("telegram-sender")
                .setInterval(config.sendInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> sendDue())
                .schedule();
    }

    private record Claimed(List<TelegramNotification> due, Map<UUID, TelegramLink> chats) {}

    private record Outcome(TelegramNotification n, String result, String error) {}

    Uni<Void> sendDue() {
        // a claim outlives the sends of the whole batch, so no other replica picks a row meanwhile
        Duration claim = config.requestTimeout().multipliedBy(config.sendBatch() + 1L);
        return Panache.withTransaction(() -> notifications
                        .claimDue(config.sendBatch(), claim)
                        .chain(due -> links.ofUsers(due.stream()
                                        .map(n -> n.userId)
                                        .distinct()
                                        .toList())
                                .map(l -> new Claimed(
                                        due,
                                        l.stream().collect(Collectors.toMap(x -> x.userId, Function.identity()))))))
                .chain(c -> c.due().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Multi.createFrom()
                                .iterable(c.due())
                                .onItem()
                                .transformToUniAndConcatenate(
                                        n -> send(n, c.chats().get(n.userId)))
                                .collect()
                                .asList()
                                .chain(this::record))
                .onFailure()
                .invoke(t ->
                        LOG.warnf("telegram sender run failed: %s", t.getClass().getSimpleName()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Outcome> send(TelegramNotification n, TelegramLink link) {
        if (link == null) {
            return Uni.createFrom().item(new Outcome(n, "failed", "the trader has no linked chat any more"));
        }
        return api.sendMessage(link.chatId, n.text, n.replyMarkup).map(r -> {
            if (r.ok()) {
                return new Outcome(n, "ok", null);
            }
            if (r.permanent() || n.attempts >= config.maxAttempts()) {
                return new Outcome(n, "failed", r.error());
            }
            return new Outcome(n, "retry", r.error());
        });
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        return Panache.withTransaction(() -> Multi.createFrom()
                        .iterable(outcomes)
                        .onItem()
                        .transformToUniAndConcatenate(o -> {
                            metrics.counter("signaldesk.telegram.sent", "result", o.result())
                                    .increment();
                            return switch (o.result()) {
                                case "ok" -> notifications.markSent(o.n().id);
                                case "retry" ->
                                    notifications.retryAt(
                                            o.n().id, Instant.now().plus(backoff(o.n().attempts)), o.error());
                                default -> {
                                    LOG.warnf(
                                            "telegram notification %s FAILED after %d attempt(s): %s",
                                            o.n().id, o.n().attempts, o.error());
                                    yield notifications.markFailed(o.n().id, o.error());
                                }
                            };
                        })
                        .collect()
                        .asList())
                .replaceWithVoid();
    }

    /** retry-base, doubled per further failed attempt, at most retry-max. */
    Duration backoff(int attempts) {
        Duration d = config.retryBase().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(config.retryMax()) > 0 ? config.retryMax() : d;
    }
}
