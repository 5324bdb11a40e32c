package io.signaldesk.reconciliation.service;

import java.util.UUID;

/** A committed change to what a trader's status shows: the version the cache must move to. */
public record Changed(UUID userId, long version) {}
