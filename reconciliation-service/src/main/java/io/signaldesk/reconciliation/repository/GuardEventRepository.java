package io.signaldesk.reconciliation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.reconciliation.GuardEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GuardEventRepository implements PanacheRepositoryBase<GuardEvent, UUID> {}
