package io.signaldesk.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Refusals of the whole class of input that no field may hold, for every body and every event
 * payload read by the platform's mapper:
 * <ul>
 *   <li>a NUL character ({@code \u0000}) in any string or field name. Postgres cannot store it in
 *   text (a 500 after part of the work), and Jackson trims it silently off UUIDs, instants and
 *   numbers, so a typed field would accept it. It is refused where it is read: in the JSON text
 *   itself, before any field is bound ({@link NulScanner});</li>
 *   <li>a null element in a declared list or set ({@code "positions":[null]}): no list of ours has
 *   holes, and code that maps its elements would fail half-way.</li>
 * </ul>
 * Both are 400 {@code malformed-body}, before any validation or write.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        // Declared list and set properties of our records only: untyped JSON (Vert.x JsonObject and
        // JsonArray, JsonNode params) may still hold nulls.
        for (Class<?> type : new Class<?>[] {java.util.List.class, java.util.Set.class, java.util.Collection.class}) {
            mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        mapper.getFactory().setInputDecorator(new NulScanner());
    }

    /** JSON bytes that are not valid UTF-8 in a way that could smuggle a character past the scan (overlong forms). */
    public static final class InvalidUtf8Exception extends JsonParseException {
        InvalidUtf8Exception() {
            super(null, "The body is not valid UTF-8 (overlong or out-of-range byte sequence)");
        }
    }

    /** JSON text holding a NUL character in a string. */
    public static final class NulCharacterException extends JsonParseException {
        NulCharacterException() {
            super(null, "The body contains a NUL character (\\u0000) in a string; no field may hold one");
        }
    }

    /**
     * Reads JSON text as it goes to the parser and fails on {@code \u0000} inside a string (the only
     * way a NUL can be written in valid JSON) or a raw NUL byte. It follows strings and escapes
     * exactly, so {@code "\\u0000"} (a backslash followed by {@code u0000}) is not mistaken for one.
     */
    static final class NulScanner extends InputDecorator {
        @Override
        public InputStream decorate(IOContext ctxt, InputStream in) {
            return new ScanningStream(in);
        }

        @Override
        public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) {
            return new ScanningStream(new ByteArrayInputStream(src, offset, length));
        }

        @Override
        public Reader decorate(IOContext ctxt, Reader r) {
            return new ScanningReader(r);
        }
    }

    /** The scanner's state: outside strings, inside one, after a backslash, or inside a backslash-u escape. */
    static final class Scan {
        private boolean inString;
        private boolean escaped;
        private int unicodeDigits = -1; // digits of a backslash-u escape seen so far, -1 outside one
        private boolean allZero;

        void feed(int c) throws NulCharacterException {
            if (c == 0) {
                throw new NulCharacterException();
            }
            if (!inString) {
                inString = c == '"';
                return;
            }
            if (unicodeDigits >= 0) {
                allZero &= c == '0';
                if (++unicodeDigits == 4) {
                    if (allZero) {
                        throw new NulCharacterException();
                    }
                    unicodeDigits = -1;
                }
            } else if (escaped) {
                escaped = false;
                if (c == 'u') {
                    unicodeDigits = 0;
                    allZero = true;
                }
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        }
    }

    /**
     * Refuses the UTF-8 byte sequences a lenient decoder could turn into a character the scan did not see:
     * overlong forms ({@code C0 80} is a NUL in two bytes), and lead bytes that are never valid. Jackson's
     * byte parser does not reject overlong forms itself.
     */
    static final class Utf8Check {
        private int previous = -1;

        void feed(int b) throws InvalidUtf8Exception {
            if (b == 0xC0
                    || b == 0xC1
                    || b >= 0xF5
                    || (previous == 0xE0 && b >= 0x80 && b < 0xA0)
                    || (previous == 0xF0 && b >= 0x80 && b < 0x90)) {
                throw new InvalidUtf8Exception();
            }
            previous = b;
        }
    }

    static final class ScanningStream extends FilterInputStream {
        private final Scan scan = new Scan();
        private final Utf8Check utf8 = new Utf8Check();

        ScanningStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                utf8.feed(b);
                scan.feed(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                int v = b[off + i] & 0xff;
                utf8.feed(v);
                scan.feed(v); // UTF-8: the bytes that matter are ASCII and never inside a multi-byte sequence
            }
            return n;
        }
    }

    static final class ScanningReader extends FilterReader {
        private final Scan scan = new Scan();

        ScanningReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                scan.feed(c);
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            for (int i = 0; i < n; i++) {
                scan.feed(cbuf[off + i]);
            }
            return n;
        }
    }
}
