package io.signaldesk.platform.events;

public enum Side {
    BUY,
    SELL
}
