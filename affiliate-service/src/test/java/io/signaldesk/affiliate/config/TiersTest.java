package io.signaldesk.affiliate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TiersTest {
    @Test
    void theRateIsThatOfTheHighestTierReached() {
        var t = Tiers.parse("0:0.20,10:0.25,50:0.30");
        assertThat(t.floorEntry(0).getValue()).isEqualByComparingTo("0.20");
        assertThat(t.floorEntry(9).getValue()).isEqualByComparingTo("0.20");
        assertThat(t.floorEntry(10).getValue()).isEqualByComparingTo("0.25");
        assertThat(t.floorEntry(49).getValue()).isEqualByComparingTo("0.25");
        assertThat(t.floorEntry(50).getValue()).isEqualByComparingTo("0.30");
        assertThat(t.floorEntry(5000).getValue()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void badTiersAreRefusedAtStartup() {
        assertThatThrownBy(() -> Tiers.parse("10:0.25")).hasMessageContaining("from 0");
        assertThatThrownBy(() -> Tiers.parse("0:1.5")).hasMessageContaining("rate");
        assertThatThrownBy(() -> Tiers.parse("0:-0.1")).hasMessageContaining("rate");
        assertThatThrownBy(() -> Tiers.parse("0=0.2")).hasMessageContaining("min:rate");
    }
}
