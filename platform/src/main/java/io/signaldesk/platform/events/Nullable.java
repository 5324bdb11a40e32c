package io.signaldesk.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event contract that may be absent. Every other field is required: a consumer
 * refuses an event that lacks one as poison (dead-letter topic, with the reason) instead of failing
 * on it half-way or blocking its partition.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Nullable {}
