package io.signaldesk.archfixture.service;

import io.signaldesk.archfixture.FixtureEntity;
import io.signaldesk.archfixture.rest.FixtureDto;
import io.signaldesk.localstack.TestInfra;

/** Breaks "services never import rest" and "no other module's classes". */
public class BadService {
    public FixtureEntity create(FixtureDto request) {
        FixtureEntity e = new FixtureEntity();
        e.name = request.name() + TestInfra.class.getSimpleName();
        return e;
    }
}
