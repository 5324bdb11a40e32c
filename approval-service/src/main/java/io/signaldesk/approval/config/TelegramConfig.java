package io.signaldesk.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Telegram bot for traders (docs/api.md "Telegram", docs/runbook.md). */
@ConfigMapping(prefix = "telegram")
public interface TelegramConfig {
    /** Off by default: no alerts are written or sent and linking is refused until a bot is configured. */
    @WithDefault("false")
    boolean enabled();

    /** The bot's token (secret: it is part of every Bot API URL; never logged). */
    Optional<String> botToken();

    /** The Bot API; a test points it at a fake. */
    @WithDefault("https://api.telegram.org")
    String baseUrl();

    /** What Telegram sends in X-Telegram-Bot-Api-Secret-Token (set with setWebhook); without it every webhook is refused. */
    Optional<String> webhookSecret();

    /** The bot's username, for the deep link https://t.me/<bot-username>?start=<code>. */
    @WithDefault("signaldesk_bot")
    String botUsername();

    /** How long a link code may be used. */
    @WithDefault("10m")
    Duration linkCodeTtl();

    /** How often the sender looks for due notifications. */
    @WithDefault("1s")
    Duration sendInterval();

    /** Notifications one sender run claims at most. */
    @WithDefault("20")
    int sendBatch();

    /** Attempts before a notification is given up on (FAILED). */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further failure, up to {@link #retryMax()}. */
    @WithDefault("2s")
    Duration retryBase();

    @WithDefault("5m")
    Duration retryMax();

    /** How long one Bot API call may take; a claimed notification is retried after this when its replica died. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Enabled and a token is set. */
    default boolean active() {
        return enabled() && botToken().filter(t -> !t.isBlank()).isPresent();
    }
}
