package io.signaldesk.localstack;

/**
 * A daemon thread running one loop for the demo's simulated parts. {@link #close} ends the loop,
 * interrupts any wait and waits up to 5 s for the last round (its last request is done before the
 * services stop).
 */
final class Worker implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Worker(String name, Runnable loop) {
        this.thread = new Thread(loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** False once closed: the loop should end. */
    boolean running() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
