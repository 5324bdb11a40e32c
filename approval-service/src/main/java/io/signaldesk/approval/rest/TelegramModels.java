package io.signaldesk.approval.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.approval.service.TelegramBot;
import java.time.Instant;

/**
 * The Telegram side of the API: the trader's link views, and the parts of a Bot API {@code Update}
 * this service reads (every other field Telegram sends is ignored, whatever the service's strict
 * Jackson says for its own API).
 */
public final class TelegramModels {
    private TelegramModels() {}

    /** Reads Telegram's updates: unknown fields are ignored (the Bot API adds fields at will). */
    static final ObjectMapper UPDATES =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record LinkCodeView(String code, String deepLink, Instant expiresAt) {
        static LinkCodeView of(TelegramBot.LinkCode c) {
            return new LinkCodeView(c.code(), c.deepLink(), c.expiresAt());
        }
    }

    public record LinkView(boolean linked, Instant linkedAt, String chat) {
        static LinkView of(TelegramBot.LinkStatus s) {
            return new LinkView(s.linked(), s.linkedAt(), s.chatHint());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(
            @JsonProperty("update_id") Long updateId,
            @JsonProperty("message") Message message,
            @JsonProperty("callback_query") CallbackQuery callbackQuery) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            @JsonProperty("message_id") Long messageId,
            @JsonProperty("from") User from,
            @JsonProperty("chat") Chat chat,
            @JsonProperty("text") String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chat(
            @JsonProperty("id") Long id,
            @JsonProperty("type") String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(@JsonProperty("id") Long id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackQuery(
            @JsonProperty("id") String id,
            @JsonProperty("from") User from,
            @JsonProperty("message") Message message,
            @JsonProperty("data") String data) {}
}
