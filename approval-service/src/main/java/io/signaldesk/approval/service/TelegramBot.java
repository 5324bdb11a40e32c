package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.TelegramLink;
import io.signaldesk.approval.TelegramLinkCode;
import io.signaldesk.approval.config.TelegramConfig;
import io.signaldesk.approval.repository.TelegramLinkCodeRepository;
import io.signaldesk.approval.repository.TelegramLinkRepository;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The trader's side of the Telegram bot: one-time link codes, linking a private chat with
 * {@code /start <code>}, unlinking, and the Approve/Reject buttons, which go through the same
 * {@link ApprovalDecisions} as the REST API (ownership, expiry, guards, already decided). Replies to
 * Telegram are best effort and never fail the webhook (Telegram retries a non-2xx answer).
 */
@ApplicationScoped
public class TelegramBot {
    private static final Logger LOG = Logger.getLogger(TelegramBot.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A link code as this service makes them (32 base64url characters); anything else is unknown. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private static final Pattern CALLBACK = Pattern.compile("(approve|reject):([0-9a-fA-F-]{36})");
    static final String NOT_ALLOWED = "not allowed";
    static final String CODE_UNKNOWN = "code expired or unknown";
    static final String LINKED = "linked";

    /** A new link code, shown once; {@code deepLink} opens the bot with it. */
    public record LinkCode(String code, String deepLink, Instant expiresAt) {}

    /** Whether the trader has a chat linked; {@code chatHint} is the last digits of the chat id only. */
    public record LinkStatus(boolean linked, Instant linkedAt, String chatHint) {}

    private final TelegramConfig config;
    private final TelegramLinkRepository links;
    private final TelegramLinkCodeRepository codes;
    private final ApprovalDecisions decisions;
    private final TelegramBotApi api;
    private final MeterRegistry metrics;

    public TelegramBot(
            TelegramConfig config,
            TelegramLinkRepository links,
            TelegramLinkCodeRepository codes,
            ApprovalDecisions decisions,
            TelegramBotApi api,
            MeterRegistry metrics) {
        this.config = config;
        this.links = links;
        this.codes = codes;
        this.decisions = decisions;
        this.api = api;
        this.metrics = metrics;
    }

    private void requireActive() {
        if (!config.active()) {
            throw new ProblemException(Problem.of(
                    503, "telegram-disabled", "Service unavailable", "Telegram is not enabled on this installation"));
        }
    }

    /** A new one-time code for the trader; it replaces the trader's pending one. */
    public Uni<LinkCode> newCode(UUID userId) {
        requireActive();
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expiresAt = Instant.now().plus(config.linkCodeTtl()).truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> codes.replace(userId, hash(code), expiresAt))
                .replaceWith(new LinkCode(code, "https://t.me/" + config.botUsername() + "?start=" + code, expiresAt));
    }

    public Uni<LinkStatus> status(UUID userId) {
        return Panache.withSession(() -> links.findById(userId))
                .map(l -> l == null
                        ? new LinkStatus(false, null, null)
                        : new LinkStatus(true, l.linkedAt, hint(l.chatId)));
    }

    /** Removes the trader's link and pending code; alerts stop. Idempotent. */
    public Uni<Void> unlink(UUID userId) {
        return Panache.withTransaction(() -> links.deleteById(userId).chain(() -> codes.deleteOf(userId)))
                .replaceWithVoid();
    }

    /** Refuses (401) a webhook call without the configured secret; constant-time comparison. */
    public void verifyWebhook(String presented) {
        String secret = config.webhookSecret().orElse("");
        boolean ok = !secret.isEmpty()
                && presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            metrics.counter("signaldesk.telegram.webhook", "result", "unauthorized")
                    .increment();
            throw ProblemException.unauthorized(
                    "telegram-webhook-secret", "X-Telegram-Bot-Api-Secret-Token is missing or wrong");
        }
    }

    /**
     * {@code /start <code>} in a chat: links a private chat ({@code chatId == fromId}) to the code's
     * trader, consuming the code; any other text after /start, an expired or used code, is told so.
     */
    public Uni<Void> start(long chatId, long fromId, String code) {
        if (!config.active()) {
            return Uni.createFrom().voidItem();
        }
        if (chatId != fromId) {
            return reply(chatId, "Open a private chat with the bot to link it");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            return reply(chatId, CODE_UNKNOWN);
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> codes.findForUse(hash(code)).chain(c -> {
                    if (c == null) {
                        return Uni.createFrom().item(LinkResult.UNKNOWN);
                    }
                    if (!c.expiresAt.isAfter(now)) {
                        return codes.delete(c).replaceWith(LinkResult.UNKNOWN);
                    }
                    // a chat linked to another trader is not taken over by someone else's code (a link sent
                    // to a victim would otherwise silence their own alerts and hand them the sender's buttons)
                    return codes.delete(c)
                            .chain(() -> links.byChat(chatId))
                            .chain(existing -> existing != null && !existing.userId.equals(c.userId)
                                    ? Uni.createFrom().item(LinkResult.CHAT_TAKEN)
                                    : links.unlink(c.userId, chatId)
                                            .call(() -> Panache.getSession().chain(s -> s.flush()))
                                            .chain(() -> links.persist(link(c, chatId, now)))
                                            .replaceWith(LinkResult.LINKED));
                }))
                .onFailure()
                .recoverWithItem(t -> {
                    LOG.warnf("telegram /start failed: %s", t.getClass().getSimpleName());
                    return LinkResult.FAILED; // answered 200: Telegram would only send the same update again
                })
                .invoke(r -> metrics.counter(
                                "signaldesk.telegram.link", "result", r.name().toLowerCase(java.util.Locale.ROOT))
                        .increment())
                .chain(r -> reply(
                        chatId,
                        switch (r) {
                            case LINKED -> LINKED;
                            case UNKNOWN -> CODE_UNKNOWN;
                            case CHAT_TAKEN ->
                                "This chat is already linked to another SignalDesk account. Unlink it there first.";
                            case FAILED -> "Linking failed; please try again in a minute.";
                        }));
    }

    private enum LinkResult {
        LINKED,
        UNKNOWN,
        CHAT_TAKEN,
        FAILED
    }

    private static TelegramLink link(TelegramLinkCode c, long chatId, Instant now) {
        TelegramLink l = new TelegramLink();
        l.userId = c.userId;
        l.chatId = chatId;
        l.linkedAt = now.truncatedTo(ChronoUnit.MICROS);
        return l;
    }

    /**
     * A button pressed: {@code approve:<id>} or {@code reject:<id>} by the linked chat's own user
     * ({@code fromId}) decides it through {@link ApprovalDecisions}; the callback is answered with the
     * outcome, and on success the message is edited to show it. An unlinked user or someone else's
     * approval is answered "not allowed" and changes nothing.
     */
    public Uni<Void> callback(String callbackId, long fromId, Long chatId, Long messageId, String text, String data) {
        if (!config.active()) {
            return Uni.createFrom().voidItem();
        }
        Matcher m = data == null ? null : CALLBACK.matcher(data);
        UUID approvalId = m != null && m.matches() ? parse(m.group(2)) : null;
        if (approvalId == null) {
            return answer(callbackId, NOT_ALLOWED);
        }
        boolean approve = m.group(1).equals("approve");
        return Panache.withSession(() -> links.byChat(fromId))
                .chain(link -> {
                    if (link == null) {
                        return Uni.createFrom().item(NOT_ALLOWED);
                    }
                    Uni<Approval> decided = approve
                            ? decisions.approve(link.userId, approvalId, null)
                            : decisions.reject(link.userId, approvalId, "rejected in Telegram");
                    return decided.map(a -> approve ? "Approved" : "Rejected")
                            .onFailure(ProblemException.class)
                            .recoverWithItem(t -> {
                                Problem p = ((ProblemException) t).problem();
                                return p.status() == 404 ? NOT_ALLOWED : p.detail();
                            });
                })
                .onFailure()
                .recoverWithItem(t -> {
                    LOG.warnf(
                            "telegram callback for approval %s failed: %s",
                            approvalId, t.getClass().getSimpleName());
                    return "Something went wrong; please decide in the app";
                })
                .chain(outcome -> {
                    metrics.counter(
                                    "signaldesk.telegram.callback",
                                    "result",
                                    outcome.equals("Approved") || outcome.equals("Rejected") ? "decided" : "refused")
                            .increment();
                    Uni<Void> answered = answer(callbackId, outcome);
                    boolean decided = outcome.equals("Approved") || outcome.equals("Rejected");
                    if (!decided || chatId == null || messageId == null) {
                        return answered;
                    }
                    String shown = (text == null ? "" : text + "\n\n") + outcome;
                    return answered.chain(
                            () -> api.editMessageText(chatId, messageId, shown).replaceWithVoid());
                });
    }

    private Uni<Void> answer(String callbackId, String text) {
        return api.answerCallbackQuery(callbackId, text).invoke(this::count).replaceWithVoid();
    }

    private Uni<Void> reply(long chatId, String text) {
        return api.sendMessage(chatId, text, null).invoke(this::count).replaceWithVoid();
    }

    private void count(TelegramBotApi.Result r) {
        if (!r.ok()) {
            LOG.warnf("telegram reply not delivered: %s", r.error());
        }
    }

    private static UUID parse(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String hash(String code) {
        return Hmac.sha256Hex(code);
    }

    private static String hint(long chatId) {
        String s = Long.toString(Math.abs(chatId));
        return "…" + s.substring(Math.max(0, s.length() - 3));
    }
}
