package io.signaldesk.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {
    record Body(UUID id, String name, List<String> tags, JsonNode params) {
    }

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void aNulInAnyStringIsRefusedWhateverTheFieldsTypeAndHoweverTheTextIsRead() {
        ObjectMapper m = mapper();
        for (String json : List.of("{\"name\":\"a\\u0000\"}", "{\"id\":\"" + UUID.randomUUID() + "\\u0000\"}",
                "{\"tags\":[\"x\",\"\\u0000\"]}", "{\"params\":{\"k\\u0000\":1}}", "{\"params\":{\"k\":[\"\\u0000\"]}}",
                "{\"name\":\"\u0000\"}")) {
            assertThatThrownBy(() -> m.readValue(json, Body.class)).as(json).isInstanceOf(StrictJson.NulCharacterException.class);
            assertThatThrownBy(() -> m.readValue(json.getBytes(StandardCharsets.UTF_8), Body.class)).as(json)
                    .isInstanceOf(StrictJson.NulCharacterException.class);
            assertThatThrownBy(() -> m.readValue(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Body.class))
                    .as(json).isInstanceOf(StrictJson.NulCharacterException.class);
        }
    }

    @Test
    void escapedBackslashesOtherEscapesAndTextOutsideStringsAreNotMistakenForANul() throws Exception {
        ObjectMapper m = mapper();
        Body b = m.readValue("{\"name\":\"C:\\\\u0000 \\u00e9 \\\" \\u1000\",\"params\":{\"n\":0,\"z\":\"0000\"}}", Body.class);
        assertThat(b.name()).isEqualTo("C:\\u0000 \u00e9 \" \u1000");
        assertThat(b.params().get("n").intValue()).isZero();
        assertThat(m.readValue("{}", Body.class).params()).isNull(); // an absent tree stays absent
    }

    @Test
    void aNullElementInADeclaredListIsRefusedButUntypedJsonMayHoldNulls() throws Exception {
        ObjectMapper m = mapper();
        assertThatThrownBy(() -> m.readValue("{\"tags\":[null]}", Body.class)).isInstanceOf(InvalidNullException.class);
        assertThat(m.readValue("{\"params\":{\"a\":[null]}}", Body.class).params().get("a").get(0).isNull()).isTrue();
        assertThat(m.readValue("[null]", List.class)).containsExactly((Object) null);
    }
}
