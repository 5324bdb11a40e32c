package io.signaldesk.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request sent byte for byte as written: HTTP clients normalise dot segments and re-encode paths
 * before sending, so an attacker's spelling can only be tested on a socket.
 */
final class RawHttp {
    private RawHttp() {}

    record Reply(int status, String text) {}

    static Reply send(int port, String method, String rawPath, String headers, String body) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (headers == null ? "" : headers) + "Content-Length: " + b.length + "\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Reply(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
