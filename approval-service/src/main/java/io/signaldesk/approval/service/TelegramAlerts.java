package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.SignalRecord;
import io.signaldesk.approval.TelegramLink;
import io.signaldesk.approval.TelegramNotification;
import io.signaldesk.approval.config.TelegramConfig;
import io.signaldesk.approval.repository.TelegramLinkRepository;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes Telegram alerts as notification rows in the caller's transaction (the change they announce
 * and its alert commit together; the sender delivers later). Traders without a linked chat get none,
 * and nothing is written while Telegram is not active.
 */
@ApplicationScoped
public class TelegramAlerts {
    /** Callback data of the inline buttons: "approve:<uuid>" is 44 bytes, within Telegram's 64. */
    public static final String APPROVE = "approve:";

    public static final String REJECT = "reject:";

    private final TelegramConfig config;
    private final TelegramLinkRepository links;

    public TelegramAlerts(TelegramConfig config, TelegramLinkRepository links) {
        this.config = config;
        this.links = links;
    }

    /** New PENDING approvals of a signal, each with [Approve][Reject]. */
    public Uni<Void> approvalsCreated(SignalRecord s, List<Approval> pending) {
        if (!config.active() || pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return linked(pending.stream().map(a -> a.userId).toList())
                .chain(linked -> persist(pending.stream()
                        .filter(a -> linked.containsKey(a.userId))
                        .map(a -> notification(
                                a.userId,
                                "New signal: " + s.side + " " + s.instrument + " " + a.volume.toPlainString() + " lots"
                                        + "\nentry " + plain(s.entry) + ", stop loss " + plain(s.stopLoss)
                                        + ", take profit " + plain(s.takeProfit)
                                        + "\nexpires " + s.expiresAt.truncatedTo(ChronoUnit.SECONDS)
                                        + (s.rationale == null || s.rationale.isBlank() ? "" : "\n" + s.rationale),
                                keyboard(a.id)))
                        .toList()));
    }

    public Uni<Void> guardTriggered(Device d, GuardKind kind, GuardStage stage, BigDecimal limit, BigDecimal observed) {
        String effect = switch (stage) {
            case WARN -> "a warning: nothing is blocked yet";
            case BLOCK -> "new trades are refused until it is cleared";
            case CLOSE_ALL -> "every position is being closed and new trades are refused";
        };
        return one(
                d.userId,
                "Guard " + kind + " on account " + d.brokerAccount + " (" + d.brokerServer + ") reached " + stage
                        + ": observed " + plain(observed) + ", limit " + plain(limit) + "; " + effect);
    }

    public Uni<Void> divergence(Device d, String type, String details) {
        String what = switch (type) {
            case "MISSING_AT_BROKER" -> "a position we expect is not at the broker";
            case "UNEXPECTED_AT_BROKER" -> "the broker holds a position that is not ours (adopt or close it)";
            case "VOLUME_MISMATCH" -> "a position's volume differs from ours";
            case "PRICE_MISMATCH" -> "a position's open price differs from ours";
            default -> type;
        };
        return one(
                d.userId,
                "Reconciliation on account " + d.brokerAccount + " (" + d.brokerServer + "): " + what + "\n" + details);
    }

    public Uni<Void> guardCleared(Device d, GuardKind kind) {
        return one(
                d.userId,
                "Guard " + kind + " on account " + d.brokerAccount + " (" + d.brokerServer
                        + ") is cleared: the account takes new trades again");
    }

    public Uni<Void> filled(Command c, Device d) {
        String what = switch (c.type) {
            case OPEN ->
                "Opened " + c.side + " " + c.instrument + " " + plain(c.ackVolume) + " lots at " + plain(c.ackPrice)
                        + " (ticket " + c.ackTicket + ")";
            case CLOSE ->
                "Closed ticket " + c.ackTicket + " (" + plain(c.ackVolume) + " lots at " + plain(c.ackPrice) + ")";
            case CLOSE_ALL -> "Closed every position";
        };
        return one(c.userId, what + " on account " + d.brokerAccount + " (" + d.brokerServer + ")");
    }

    private Uni<Void> one(UUID userId, String text) {
        if (!config.active()) {
            return Uni.createFrom().voidItem();
        }
        return linked(List.of(userId))
                .chain(linked ->
                        persist(linked.containsKey(userId) ? List.of(notification(userId, text, null)) : List.of()));
    }

    private Uni<Map<UUID, TelegramLink>> linked(Collection<UUID> users) {
        return links.ofUsers(users.stream().distinct().toList())
                .map(l -> l.stream().collect(Collectors.toMap(x -> x.userId, Function.identity())));
    }

    private static Uni<Void> persist(List<TelegramNotification> rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.persistAll(rows.toArray()));
    }

    static TelegramNotification notification(UUID userId, String text, String replyMarkup) {
        TelegramNotification n = new TelegramNotification();
        n.id = UUID.randomUUID();
        n.userId = userId;
        n.text = text.length() > 4096 ? text.substring(0, 4096) : text;
        n.replyMarkup = replyMarkup;
        n.status = TelegramNotification.Status.PENDING;
        n.attempts = 0;
        n.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        n.nextAttemptAt = n.createdAt;
        return n;
    }

    static String keyboard(UUID approvalId) {
        return new JsonObject()
                .put(
                        "inline_keyboard",
                        new JsonArray()
                                .add(new JsonArray()
                                        .add(new JsonObject()
                                                .put("text", "Approve")
                                                .put("callback_data", APPROVE + approvalId))
                                        .add(new JsonObject()
                                                .put("text", "Reject")
                                                .put("callback_data", REJECT + approvalId))))
                .encode();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
