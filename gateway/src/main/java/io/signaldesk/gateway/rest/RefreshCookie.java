package io.signaldesk.gateway.rest;

import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's refresh token cookie: {@code sd_refresh}, HttpOnly (no script reads it), Secure
 * (unless {@code gateway.cookie-secure=false} for plain-http local runs), SameSite=Strict and
 * {@code Path=/api/v1/auth} (sent to the auth endpoints only, never to the services behind the
 * gateway). It is honoured only with the header {@code X-SignalDesk-Client: web}: a cross-site
 * form or image can make a browser send the cookie but cannot add a header (docs/security.md).
 */
final class RefreshCookie {
    static final String NAME = "sd_refresh";
    static final String PATH = "/api/v1/auth";
    static final String CLIENT_HEADER = "X-SignalDesk-Client";
    static final String WEB = "web";
    /** Refresh tokens are 43 base64url characters; anything longer is not one of ours. */
    static final int MAX_LENGTH = 128;

    private RefreshCookie() {}

    static boolean isWeb(String clientHeader) {
        return WEB.equals(clientHeader);
    }

    static String set(String token, Duration maxAge, boolean secure) {
        return NAME + "=" + token + attributes(maxAge.toSeconds(), secure);
    }

    static String clear(boolean secure) {
        return NAME + "=" + attributes(0, secure);
    }

    private static String attributes(long maxAgeSeconds, boolean secure) {
        return "; Path=" + PATH + "; Max-Age=" + maxAgeSeconds + "; HttpOnly" + (secure ? "; Secure" : "")
                + "; SameSite=Strict";
    }

    /** Every value of an {@code sd_refresh} cookie in the request's Cookie headers, in order. */
    static List<String> values(List<String> cookieHeaders) {
        List<String> found = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).trim().equals(NAME)) {
                    found.add(p.substring(eq + 1).trim());
                }
            }
        }
        return found;
    }

    /**
     * The one refresh token the request's cookies carry. Two {@code sd_refresh} cookies mean one was
     * planted (a sibling site can set one with a narrower path, which browsers send first): neither is
     * taken. A missing, empty or oversized value is refused the same way as an unknown token.
     */
    static String single(List<String> cookieHeaders) {
        List<String> v = values(cookieHeaders);
        if (v.size() != 1 || v.get(0).isEmpty() || v.get(0).length() > MAX_LENGTH) {
            throw invalid(v.size() > 1 ? "More than one refresh cookie was sent" : "No valid refresh cookie was sent");
        }
        return v.get(0);
    }

    static boolean present(List<String> cookieHeaders) {
        return !values(cookieHeaders).isEmpty();
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(401, "refresh-token-invalid", "Unauthorized", detail));
    }

    static ProblemException headerRequired() {
        return new ProblemException(Problem.of(
                403,
                "web-client-header-required",
                "Forbidden",
                "A refresh cookie is only honoured with the header " + CLIENT_HEADER + ": " + WEB));
    }
}
