package io.signaldesk.payout.service;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import io.signaldesk.payout.Payout;
import io.signaldesk.payout.stripe.StripeCalls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A payout's Stripe Transfer. The idempotency key and the {@code transfer_group} are the payout id,
 * and every parameter comes from the payout row (which never changes), so a retry is the same
 * request: Stripe answers it with the transfer it made the first time, and the group finds it after
 * a crash.
 */
@ApplicationScoped
public class PayoutTransfers {
    /** Why an attempt did not pay: retryable (Stripe may still do it, or did), or a refusal. */
    public record Failure(boolean retryable, String reason) {}

    private final StripeCalls stripe;

    public PayoutTransfers(StripeCalls stripe) {
        this.stripe = stripe;
    }

    /** Creates (or replays) the transfer; the item is Stripe's transfer id. */
    public Uni<String> send(Payout p) {
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(p.money().toMinorUnits())
                .setCurrency(p.currency.toLowerCase(Locale.ROOT))
                .setDestination(p.destination)
                .setTransferGroup(p.id.toString())
                .putMetadata("payout_id", p.id.toString())
                .putMetadata("affiliate_id", p.affiliateId.toString())
                .build();
        RequestOptions key =
                RequestOptions.builder().setIdempotencyKey(p.id.toString()).build();
        return stripe.run(c -> c.transfers().create(params, key)).map(Transfer::getId);
    }

    /** The transfer Stripe made for the payout, if any (asked before any retry, and by recovery). */
    public Uni<Optional<String>> find(UUID payoutId) {
        TransferListParams params = TransferListParams.builder()
                .setTransferGroup(payoutId.toString())
                .setLimit(10L)
                .build();
        return stripe.run(c -> c.transfers().list(params))
                .map(list -> list.getData().stream()
                        .filter(t -> !Boolean.TRUE.equals(t.getReversed()))
                        .map(Transfer::getId)
                        .findFirst());
    }

    /**
     * Network errors, timeouts, 5xx, 429 and 409 (the key in use by a concurrent request) may still
     * end in a transfer, or succeed later: retryable. So is an idempotency mismatch, which means our
     * request changed and must be looked at, never failed. Any other 4xx is Stripe's refusal: nothing
     * was made. The reason names Stripe's error code, never an account or transfer id.
     */
    public static Failure classify(Throwable t) {
        if (t instanceof StripeException se) {
            Integer status = se.getStatusCode();
            String code = se.getCode() != null
                    ? se.getCode()
                    : se.getStripeError() != null && se.getStripeError().getType() != null
                            ? se.getStripeError().getType()
                            : se.getClass().getSimpleName();
            String reason = "stripe " + (status == null ? "no answer" : "http " + status) + ": " + code;
            boolean retryable = se instanceof ApiConnectionException
                    || se instanceof IdempotencyException
                    || status == null
                    || status >= 500
                    || status == 429
                    || status == 409;
            return new Failure(retryable, reason);
        }
        return new Failure(true, "error: " + t.getClass().getSimpleName());
    }
}
