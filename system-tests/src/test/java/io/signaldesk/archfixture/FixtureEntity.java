package io.signaldesk.archfixture;

/** A plain entity: allowed. */
public class FixtureEntity {
    public String name;
}
