package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.reconciliation.GuardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GuardConfigRepository implements PanacheRepositoryBase<GuardConfig, UUID> {}
