package io.signaldesk.payout.service;

import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.config.ConnectConfig;
import io.signaldesk.payout.repository.ConnectAccountRepository;
import io.signaldesk.payout.stripe.StripeCalls;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stripe Connect onboarding: the affiliate's Express account is created once (the row is claimed
 * first; the Stripe call's idempotency key is derived from the affiliate id, so concurrent first calls
 * get the same account back and the first attached stays), then each call returns a fresh account
 * link for {@code account_onboarding}.
 */
@ApplicationScoped
public class ConnectOnboarding {
    private static final Logger LOG = Logger.getLogger(ConnectOnboarding.class);

    /** A one-time onboarding URL and when Stripe stops accepting it. */
    public record Link(String url, Instant expiresAt) {}

    private final ConnectAccountRepository accounts;
    private final StripeCalls stripe;
    private final ConnectConfig config;

    public ConnectOnboarding(ConnectAccountRepository accounts, StripeCalls stripe, ConnectConfig config) {
        this.accounts = accounts;
        this.stripe = stripe;
        this.config = config;
    }

    public Uni<Link> connect(UUID affiliateId) {
        return Panache.withTransaction(() -> accounts.claim(affiliateId).chain(() -> accounts.accountOf(affiliateId)))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : create(affiliateId))
                .chain(account -> stripe.run(c -> c.accountLinks()
                        .create(AccountLinkCreateParams.builder()
                                .setAccount(account)
                                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                                .setRefreshUrl(config.refreshUrl())
                                .setReturnUrl(config.returnUrl())
                                .build())))
                .map(link -> new Link(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt())))
                .onFailure(StripeException.class)
                .transform(ConnectOnboarding::unavailable);
    }

    private Uni<String> create(UUID affiliateId) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .putMetadata("affiliate_id", affiliateId.toString())
                .build();
        RequestOptions key = RequestOptions.builder()
                .setIdempotencyKey("connect-account-" + affiliateId)
                .build();
        return stripe.run(c -> c.accounts().create(params, key))
                .map(Account::getId)
                .chain(created -> Panache.withTransaction(
                        () -> accounts.attach(affiliateId, created).chain(() -> accounts.accountOf(affiliateId))));
    }

    private static Throwable unavailable(Throwable t) {
        StripeException e = (StripeException) t;
        LOG.warnf("stripe refused a Connect call: http %s %s", e.getStatusCode(), e.getCode());
        return new ProblemException(Problem.of(
                502, "stripe-unavailable", "Stripe unavailable", "Stripe did not complete the onboarding; try again"));
    }
}
