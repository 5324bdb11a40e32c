package io.signaldesk.archfixture;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Breaks "no active record": queries would live on the entity. */
public class ActiveRecordEntity extends PanacheEntityBase {
    public String name;
}
