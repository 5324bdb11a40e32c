package io.signaldesk.archfixture.rest;

/** A REST model. */
public record FixtureDto(String name) {}
