package io.signaldesk.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: everything the local stack starts binds to 127.0.0.1 only. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    public static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ports {@link #free} handed out in this JVM: each is handed out once. */
    private static final java.util.Set<Integer> HANDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A currently free loopback port (the kernel picks it), never one this JVM was handed before: the
     * kernel may offer a port again as soon as its probe socket closes, and two servers told the same
     * port (a broker's client and controller listeners) fail to start.
     */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
                s.setReuseAddress(true);
                if (HANDED.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free loopback port", e);
            }
        }
        throw new IllegalStateException("no loopback port that was not handed out already");
    }

    public static void awaitListening(int port, long timeoutMs, String what) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!isListening(port)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        what + " did not listen on " + LOOPBACK + ":" + port + " within " + timeoutMs + " ms");
            }
            sleep(50);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps; false when interrupted (a loop that is being closed should then end quietly). */
    static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
