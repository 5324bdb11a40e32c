package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class BillingAccountRepository implements PanacheRepositoryBase<BillingAccount, UUID> {}
