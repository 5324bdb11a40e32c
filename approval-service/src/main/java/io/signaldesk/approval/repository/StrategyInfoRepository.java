package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.StrategyInfo;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StrategyInfoRepository implements PanacheRepositoryBase<StrategyInfo, String> {}
