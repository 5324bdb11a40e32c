/**
 * A deliberately broken miniature service for {@code io.signaldesk.system.LayeringTest}: each class
 * breaks one layering rule, so the rules are shown to fail. Never used at run time.
 */
package io.signaldesk.archfixture;
