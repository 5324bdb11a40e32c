package io.signaldesk.deploy.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Just enough of the tar format to read an image tar (Jib's docker-archive output) and its layers: ustar
 * headers, GNU long names and pax path records. Written here so that the test needs no archive library.
 */
final class ImageTar {

    /** One entry; {@code content} is read only when the visitor asked for it. */
    record Entry(String name, char type, long size, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    interface Visitor {
        /** Returns false to stop reading. */
        boolean visit(Entry entry) throws IOException;
    }

    private ImageTar() {}

    /** Reads every entry; the content of those {@code wantContent} accepts is passed to the visitor. */
    static void read(InputStream in, Predicate<String> wantContent, Visitor visitor) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                return;
            }
            String name = string(header, 0, 100);
            String prefix = string(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            long padded = (size + 511) / 512 * 512;
            if (type == 'L' || type == 'x') {
                byte[] data = in.readNBytes((int) size);
                skip(in, padded - size);
                longName = type == 'L' ? string(data, 0, data.length) : paxPath(data, longName);
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            name = name.startsWith("./") ? name.substring(2) : name;
            byte[] content = null;
            if (wantContent.test(name)) {
                content = in.readNBytes((int) size);
                skip(in, padded - size);
            } else {
                skip(in, padded);
            }
            if (!visitor.visit(new Entry(name, type, size, content))) {
                return;
            }
        }
    }

    private static String paxPath(byte[] data, String previous) {
        // records are "<length> <key>=<value>\n"
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return previous;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new IOException("truncated tar header");
        }
        return true;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tar entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] bytes, int offset, int length) {
        String text = string(bytes, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }
}
