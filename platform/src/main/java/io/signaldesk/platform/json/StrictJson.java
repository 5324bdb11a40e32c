package io.signaldesk.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refusals of the whole class of input that no field may hold, for every body and every event
 * payload read by the platform's mapper:
 * <ul>
 *   <li>a string with a NUL character (Postgres cannot store it in text: it would be a 500 after
 *   part of the work was done);</li>
 *   <li>a null element in a list ({@code "positions":[null]}): no list of ours has holes, and code
 *   that maps its elements would fail half-way.</li>
 * </ul>
 * Both are 400 {@code malformed-body} naming the field, before any validation or write.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        // Declared list and set properties of our records only: untyped JSON (Vert.x JsonObject and
        // JsonArray, JsonNode params) may still hold nulls.
        for (Class<?> type : new Class<?>[]{java.util.List.class, java.util.Set.class, java.util.Collection.class}) {
            mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        mapper.registerModule(new SimpleModule("signaldesk-strict-strings").addDeserializer(String.class, new NoNulString()));
    }

    /** A string field that holds a NUL character. */
    public static final class NulCharacterException extends InvalidFormatException {
        NulCharacterException(JsonParser p, String value) {
            super(p, "must not contain a NUL character", value, String.class);
        }
    }

    static final class NoNulString extends StdScalarDeserializer<String> {
        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctx);
            if (s != null && s.indexOf('\0') >= 0) {
                throw new NulCharacterException(p, s);
            }
            return s;
        }
    }
}
