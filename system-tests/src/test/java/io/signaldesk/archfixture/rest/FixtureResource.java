package io.signaldesk.archfixture.rest;

import io.signaldesk.archfixture.FixtureEntity;
import io.signaldesk.archfixture.repository.FixtureRepository;

/** Breaks the layers: a resource reads the repository instead of asking a service. */
public class FixtureResource {
    private final FixtureRepository repository = new FixtureRepository();

    public FixtureDto get() {
        FixtureEntity e = repository.find();
        return new FixtureDto(e.name);
    }
}
