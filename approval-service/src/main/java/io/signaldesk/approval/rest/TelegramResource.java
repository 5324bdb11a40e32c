package io.signaldesk.approval.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import io.signaldesk.approval.rest.TelegramModels.CallbackQuery;
import io.signaldesk.approval.rest.TelegramModels.LinkCodeView;
import io.signaldesk.approval.rest.TelegramModels.LinkView;
import io.signaldesk.approval.rest.TelegramModels.Message;
import io.signaldesk.approval.rest.TelegramModels.Update;
import io.signaldesk.approval.service.TelegramBot;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Telegram for traders: linking a chat (JWT) and the bot's webhook (no JWT: Telegram proves itself
 * with the secret token set in setWebhook).
 */
@Path("/api/v1/telegram")
@Produces(MediaType.APPLICATION_JSON)
public class TelegramResource {
    /** Telegram's limits: a message text is at most 4096 characters, callback data 64 bytes. */
    private static final int MAX_TEXT = 4096;

    private static final int MAX_BODY = 1 << 20;

    private final TelegramBot bot;
    private final CurrentUser currentUser;

    public TelegramResource(TelegramBot bot, CurrentUser currentUser) {
        this.bot = bot;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/link")
    @Authenticated
    @Operation(summary = "A one-time code (and t.me deep link) to link your Telegram chat; replaces a pending one")
    public Uni<LinkCodeView> newCode() {
        return bot.newCode(currentUser.id()).map(LinkCodeView::of);
    }

    @GET
    @Path("/link")
    @Authenticated
    @Operation(summary = "Whether a Telegram chat is linked (only the last digits of its id)")
    public Uni<LinkView> status() {
        return bot.status(currentUser.id()).map(LinkView::of);
    }

    @DELETE
    @Path("/link")
    @Authenticated
    @Operation(summary = "Unlink your Telegram chat (and drop a pending code); alerts stop")
    public Uni<Response> unlink() {
        return bot.unlink(currentUser.id()).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/webhook")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Telegram's webhook: /start <code> links a chat; Approve/Reject buttons decide approvals")
    public Uni<Response> webhook(byte[] body, @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secret) {
        bot.verifyWebhook(secret);
        Update u = parse(body);
        Uni<Void> handled;
        if (u.callbackQuery() != null) {
            handled = callback(u.callbackQuery());
        } else if (u.message() != null) {
            handled = message(u.message());
        } else {
            handled = Uni.createFrom().voidItem(); // another kind of update: not ours
        }
        return handled.replaceWith(Response.ok().build());
    }

    private Uni<Void> message(Message m) {
        String text = m.text();
        if (m.chat() == null
                || m.chat().id() == null
                || m.from() == null
                || m.from().id() == null
                || text == null
                || text.length() > MAX_TEXT) {
            return Uni.createFrom().voidItem();
        }
        String t = text.strip();
        if (!(t.equals("/start") || t.startsWith("/start ") || t.startsWith("/start@"))) {
            return Uni.createFrom().voidItem(); // the bot only reacts to /start
        }
        String[] parts = t.split("\\s+", 3);
        String code = parts.length >= 2 ? parts[1] : null;
        return bot.start(m.chat().id(), m.from().id(), code);
    }

    private Uni<Void> callback(CallbackQuery q) {
        if (q.id() == null
                || q.id().isEmpty()
                || q.id().length() > 256
                || q.from() == null
                || q.from().id() == null) {
            throw RequestValidator.malformed("callback_query needs an id and a from.id");
        }
        String data = q.data() == null || q.data().length() > 64 ? null : q.data();
        Message m = q.message();
        Long chat = m == null || m.chat() == null ? null : m.chat().id();
        Long messageId = m == null ? null : m.messageId();
        String text = m == null || m.text() == null || m.text().length() > MAX_TEXT ? null : m.text();
        return bot.callback(q.id(), q.from().id(), chat, messageId, text, data);
    }

    private static Update parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RequestValidator.malformed("A JSON body is required");
        }
        if (body.length > MAX_BODY) {
            throw RequestValidator.malformed("The body is too large");
        }
        Update u;
        try {
            u = TelegramModels.UPDATES.readValue(body, Update.class);
        } catch (JsonProcessingException e) {
            throw RequestValidator.malformed(RequestValidator.describe(e));
        } catch (IOException e) {
            throw RequestValidator.malformed("The body could not be read");
        }
        if (u == null || u.updateId() == null) {
            throw RequestValidator.malformed("A Telegram Update with an update_id is required");
        }
        return u;
    }
}
