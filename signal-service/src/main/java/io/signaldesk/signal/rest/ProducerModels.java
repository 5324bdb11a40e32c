package io.signaldesk.signal.rest;

import io.signaldesk.signal.Producer;
import io.signaldesk.signal.service.ProducerService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API models of the producer endpoints. Secrets only ever appear in the answer that creates them. */
public final class ProducerModels {
    private ProducerModels() {}

    public record CreateProducerRequest(
            @NotNull
            @Size(min = 3, max = 80, message = "must be 3 to 80 characters")
            @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with whitespace")
            String name,

            @NotNull UUID strategyId) {
        /** The service's command; call after validation. */
        ProducerService.NewProducer toCommand() {
            return new ProducerService.NewProducer(name, strategyId);
        }
    }

    @Schema(description = "A new producer. secret and tradingViewToken are shown only in this answer.")
    public record ProducerCreated(
            UUID id, String name, UUID strategyId, String secret, String tradingViewToken, Instant createdAt) {
        static ProducerCreated of(ProducerService.Created c) {
            Producer p = c.producer();
            return new ProducerCreated(p.id, p.name, p.strategyId, c.secret(), c.tradingViewToken(), p.createdAt);
        }
    }

    @Schema(
            description =
                    "A rotated secret, shown only in this answer; the previous one works until previousSecretValidUntil.")
    public record ProducerRotated(UUID id, String secret, Instant previousSecretValidUntil, Instant rotatedAt) {
        static ProducerRotated of(ProducerService.SecretRotated r) {
            return new ProducerRotated(
                    r.producer().id, r.secret(), r.producer().previousSecretExpiresAt, r.rotatedAt());
        }
    }

    /** A new TradingView webhook token, shown once; the old URL stops working at once. */
    public record TradingViewTokenRotated(UUID id, String tradingViewToken, Instant rotatedAt) {
        static TradingViewTokenRotated of(ProducerService.TokenRotated r) {
            return new TradingViewTokenRotated(r.producer().id, r.tradingViewToken(), r.rotatedAt());
        }
    }

    public record ProducerView(
            UUID id,
            String name,
            UUID strategyId,
            Producer.Status status,
            Instant createdAt,
            Instant rotatedAt,
            Instant previousSecretValidUntil,
            Instant revokedAt) {
        static ProducerView of(Producer p, Instant now) {
            return new ProducerView(
                    p.id,
                    p.name,
                    p.strategyId,
                    p.status(),
                    p.createdAt,
                    p.rotatedAt,
                    p.previousSecretValidUntil(now),
                    p.revokedAt);
        }
    }
}
