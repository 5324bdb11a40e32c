package io.signaldesk.gateway.rest;

import io.signaldesk.gateway.User;
import io.signaldesk.gateway.service.AuthService;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API models of the auth endpoints (separate from the entities). */
public final class AuthModels {
    private AuthModels() {}

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
            String password,

            @Pattern(regexp = REFERRAL_CODE, message = "must be 3-32 letters, digits, _ or -")
            String referralCode) {
        /**
         * The code typed at signup wins; else the attribution cookie {@code sd_ref} a referral link
         * ({@code GET /r/{code}}) set, when well-formed (a malformed cookie is not the trader's mistake:
         * it is ignored, not refused).
         */
        AuthService.Registration toCommand(String attributionCookie) {
            String code = referralCode;
            if (code == null && attributionCookie != null && attributionCookie.matches(REFERRAL_CODE)) {
                code = attributionCookie;
            }
            return new AuthService.Registration(email, password, code);
        }
    }

    /** A referral code as typed at signup or carried by the attribution cookie. */
    static final String REFERRAL_CODE = "[A-Za-z0-9_-]{3,32}";

    /** The cookie affiliate-service's referral link sets (docs/api.md "Affiliates"). */
    public static final String ATTRIBUTION_COOKIE = "sd_ref";

    public record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {
        AuthService.Credentials toCommand() {
            return new AuthService.Credentials(email, password);
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

    @Schema(description = "Tokens: a short-lived RS256 access token and a rotating refresh token")
    public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
        /** Bearer tokens (RFC 6750), as OAuth 2 clients expect the type named. */
        static TokenResponse of(AuthService.Tokens t) {
            return new TokenResponse(t.accessToken(), t.refreshToken(), t.expiresInSeconds(), "Bearer");
        }
    }

    @Schema(
            description =
                    "The console's tokens (X-SignalDesk-Client: web): the refresh token is in the sd_refresh cookie")
    public record WebTokenResponse(String accessToken, long expiresIn, String tokenType) {
        static WebTokenResponse of(AuthService.Tokens t) {
            return new WebTokenResponse(t.accessToken(), t.expiresInSeconds(), "Bearer");
        }
    }

    public record UserView(UUID id, String email, Set<String> roles, String referredBy, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id, u.email, u.roleSet(), u.referredBy, u.createdAt);
        }
    }
}
