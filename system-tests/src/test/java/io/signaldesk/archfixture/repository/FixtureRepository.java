package io.signaldesk.archfixture.repository;

import io.signaldesk.archfixture.FixtureEntity;

/** A repository: allowed. */
public class FixtureRepository {
    public FixtureEntity find() {
        return new FixtureEntity();
    }
}
