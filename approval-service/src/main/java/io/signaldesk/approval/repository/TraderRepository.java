package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.Trader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TraderRepository implements PanacheRepositoryBase<Trader, UUID> {}
