package io.signaldesk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Strategy.Kind#PATTERN} is a constant for annotations: it must list exactly the enum's names. */
class StrategyKindTest {
    @Test
    void thePatternNamesEveryKindAndNothingElse() {
        assertThat(Strategy.Kind.PATTERN)
                .isEqualTo(Arrays.stream(Strategy.Kind.values()).map(Enum::name).collect(Collectors.joining("|")));
        for (Strategy.Kind k : Strategy.Kind.values()) {
            assertThat(Strategy.Kind.of(k.name())).isSameAs(k);
        }
        assertThat(Strategy.Kind.of("fib_rsi")).isNull();
        assertThat(Strategy.Kind.of(null)).isNull();
    }
}
