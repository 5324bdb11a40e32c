package io.signaldesk.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    record Body(UUID id, String name, List<String> tags, JsonNode params) {}

    /** The refusal, thrown as it is or wrapped with the field path when it surfaced while a field was bound. */
    static org.assertj.core.api.ThrowableAssertAlternative<?> refusedWith(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Class<? extends Throwable> type) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(
                        com.fasterxml.jackson.core.JsonProcessingException.class)
                .isThrownBy(call)
                .matches(
                        t -> {
                            for (Throwable c = t; c != null; c = c.getCause()) {
                                if (type.isInstance(c)) {
                                    return true;
                                }
                            }
                            return false;
                        },
                        "caused by " + type.getSimpleName());
    }

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void aNulInAnyStringIsRefusedWhateverTheFieldsTypeAndHoweverTheTextIsRead() {
        ObjectMapper m = mapper();
        for (String json : List.of(
                "{\"name\":\"a\\u0000\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\\u0000\"}",
                "{\"tags\":[\"x\",\"\\u0000\"]}",
                "{\"params\":{\"k\\u0000\":1}}",
                "{\"params\":{\"k\":[\"\\u0000\"]}}",
                "{\"name\":\"\u0000\"}")) {
            refusedWith(() -> m.readValue(json, Body.class), StrictJson.NulCharacterException.class);
            refusedWith(
                    () -> m.readValue(json.getBytes(StandardCharsets.UTF_8), Body.class),
                    StrictJson.NulCharacterException.class);
            refusedWith(
                    () -> m.readValue(
                            new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Body.class),
                    StrictJson.NulCharacterException.class);
        }
    }

    @Test
    void escapedBackslashesOtherEscapesAndTextOutsideStringsAreNotMistakenForANul() throws Exception {
        ObjectMapper m = mapper();
        Body b = m.readValue(
                "{\"name\":\"C:\\\\u0000 \\u00e9 \\\" \\u1000\",\"params\":{\"n\":0,\"z\":\"0000\"}}", Body.class);
        assertThat(b.name()).isEqualTo("C:\\u0000 \u00e9 \" \u1000");
        assertThat(b.params().get("n").intValue()).isZero();
        assertThat(m.readValue("{}", Body.class).params()).isNull(); // an absent tree stays absent
    }

    @Test
    void aNullElementInADeclaredListIsRefusedButUntypedJsonMayHoldNulls() throws Exception {
        ObjectMapper m = mapper();
        assertThatThrownBy(() -> m.readValue("{\"tags\":[null]}", Body.class)).isInstanceOf(InvalidNullException.class);
        assertThat(m.readValue("{\"params\":{\"a\":[null]}}", Body.class)
                        .params()
                        .get("a")
                        .get(0)
                        .isNull())
                .isTrue();
        assertThat(m.readValue("[null]", List.class)).containsExactly((Object) null);
    }

    @Test
    void anOverlongUtf8NulCannotSlipPastTheScanEvenSplitAcrossReads() {
        ObjectMapper m = mapper();
        byte[] twoByte = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0x80, '"', '}'};
        byte[] threeByte = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"', '}'
        };
        for (byte[] body : List.of(twoByte, threeByte)) {
            refusedWith(() -> m.readValue(body, Body.class), StrictJson.InvalidUtf8Exception.class);
            // one byte per read: the check keeps its state across reads
            java.io.InputStream trickle = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(body)) {
                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    return super.read(b, off, Math.min(1, len));
                }
            };
            refusedWith(() -> m.readValue(trickle, Body.class), StrictJson.InvalidUtf8Exception.class);
        }
    }

    @Test
    void realMultiByteTextPasses() throws Exception {
        String text = "\u00e9\u20ac\u0800\uD83D\uDE00";
        assertThat(mapper().readValue(("{\"name\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8), Body.class)
                        .name())
                .isEqualTo(text);
    }
}
