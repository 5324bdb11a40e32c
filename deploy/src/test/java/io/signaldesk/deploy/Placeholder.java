package io.signaldesk.deploy;

final class Placeholder {}
