package io.signaldesk.approval.service;

import io.signaldesk.approval.config.TelegramConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Calls the Telegram Bot API ({@code POST <base-url>/bot<token>/<method>} with a JSON body). The URL
 * carries the bot token, so it is never logged, never put in an error or a metric: a failure is told
 * as its HTTP status or its exception class only.
 */
@ApplicationScoped
public class TelegramBotApi {
    /** What the Bot API answered: {@code status} is the HTTP status, 0 when no answer came. */
    public record Result(int status, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Telegram refused the request itself (bad chat, bot blocked by the user): trying again will not help. */
        public boolean permanent() {
            return status == 400 || status == 403 || status == 404;
        }
    }

    private final TelegramConfig config;
    private final HttpClient client;
    private final Duration timeout;

    public TelegramBotApi(TelegramConfig config, Vertx vertx) {
        this.config = config;
        this.timeout = config.requestTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                .setKeepAlive(true));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    public Uni<Result> sendMessage(long chatId, String text, String replyMarkupJson) {
        JsonObject body = new JsonObject().put("chat_id", chatId).put("text", text);
        if (replyMarkupJson != null) {
            body.put("reply_markup", new JsonObject(replyMarkupJson));
        }
        return call("sendMessage", body);
    }

    public Uni<Result> answerCallbackQuery(String callbackQueryId, String text) {
        return call(
                "answerCallbackQuery",
                new JsonObject().put("callback_query_id", callbackQueryId).put("text", text));
    }

    /** Replaces the text of a message the bot sent (its keyboard goes). */
    public Uni<Result> editMessageText(long chatId, long messageId, String text) {
        return call(
                "editMessageText",
                new JsonObject()
                        .put("chat_id", chatId)
                        .put("message_id", messageId)
                        .put("text", text));
    }

    /** Never fails: an unreachable or refusing API is a Result too. Completes on the caller's Vert.x context. */
    Uni<Result> call(String method, JsonObject body) {
        String token = config.botToken().orElse("");
        if (token.isBlank()) {
            return Uni.createFrom().item(new Result(0, "no bot token configured"));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.baseUrl() + "/bot" + token + "/" + method)
                .putHeader("Content-Type", "application/json")
                .setTimeout(timeout.toMillis());
        Context own = io.vertx.core.Vertx.currentContext();
        Uni<Result> call = client.request(options)
                .chain(req -> req.send(Buffer.buffer(body.encode())))
                .chain(resp -> resp.body()
                        .map(b -> resp.statusCode() >= 200 && resp.statusCode() < 300
                                ? new Result(resp.statusCode(), null)
                                : new Result(resp.statusCode(), "HTTP " + resp.statusCode() + describe(b))))
                .onFailure()
                .recoverWithItem(t -> new Result(0, t.getClass().getSimpleName()));
        // come back to the caller's context before it touches the database (see EaService.poll)
        return own == null ? call : call.emitOn(task -> own.runOnContext(v -> task.run()));
    }

    /** Telegram's own reason ("Bad Request: chat not found"), short; it never contains the token. */
    private static String describe(Buffer b) {
        try {
            String d = new JsonObject(b.toString()).getString("description");
            return d == null ? "" : ": " + (d.length() > 200 ? d.substring(0, 200) : d);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
