package io.signaldesk.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimals are never doubles, on the wire either: JSON numbers are read as {@link BigDecimal}, and
 * every {@link BigDecimal} (prices, volumes) is written as a plain decimal string without trailing
 * zeros ({@code "1.08425"}, {@code "0.1"}), in API answers and event payloads alike. Money has its
 * own form ({@code {"amount":"19.99","currency":"USD"}}, always at the currency's scale).
 */
@Singleton
public class DecimalJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.registerModule(
                new SimpleModule("signaldesk-decimals").addSerializer(BigDecimal.class, new PlainString()));
    }

    static final class PlainString extends StdSerializer<BigDecimal> {
        PlainString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            gen.writeString(v.toPlainString());
        }
    }
}
