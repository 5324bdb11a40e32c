package io.signaldesk.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that travel in URLs or headers before text reaches a log line or an error detail:
 * the token of a TradingView webhook URL ({@code /hooks/tradingview/<token>}), the values of
 * secret-bearing query parameters, bearer tokens and anything shaped like a JWT. The rest of the text is kept as it is.
 */
public final class SecretMasking {
    public static final String MASK = "***";
    /** Path segments that carry a secret: everything after them up to the next separator. */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("(/hooks/tradingview/)[^/?#\\s\"']+");

    private static final Pattern SECRET_QUERY = Pattern.compile(
            "([?&](?:token|secret|signature|password|api[_-]?key|access_token|refresh_token)=)[^&#\\s\"']+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(Bearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
    /** A JWT anywhere (header.payload.signature, base64url, the header always starting {"...). */
    private static final Pattern JWT = Pattern.compile("()eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** A Telegram bot token (its Bot API URLs carry it in the path: /bot123456:AAF...). */
    private static final Pattern BOT_TOKEN = Pattern.compile("()(?<!\\d)\\d{6,12}:[A-Za-z0-9_-]{30,}");

    private SecretMasking() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replace(SECRET_SEGMENT, text);
        s = replace(SECRET_QUERY, s);
        s = replace(BEARER, s);
        s = replace(BOT_TOKEN, s);
        return replace(JWT, s);
    }

    private static String replace(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.replaceAll("$1" + Matcher.quoteReplacement(MASK)) : text;
    }
}
