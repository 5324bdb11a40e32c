package io.signaldesk.payout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.payout.PaymentRefund;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PaymentRefundRepository implements PanacheRepositoryBase<PaymentRefund, String> {}
