package io.signaldesk.payout.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.payout.BillingAccount;
import io.signaldesk.payout.repository.BillingAccountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A user's premium tier as billing knows it. */
@ApplicationScoped
public class BillingService {
    private final BillingAccountRepository accounts;

    public BillingService(BillingAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The user's billing account, or null while they have never paid (FREE). */
    public Uni<BillingAccount> account(UUID userId) {
        return Panache.withSession(() -> accounts.findById(userId));
    }
}
