package io.signaldesk.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    @Test
    void aTelegramBotTokenIsMaskedWhereverItAppears() {
        String token = "1234567890:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
        assertThat(SecretMasking.mask("POST https://api.telegram.org/bot" + token + "/sendMessage failed"))
                .isEqualTo("POST https://api.telegram.org/bot***/sendMessage failed")
                .doesNotContain("AAHfiq");
        assertThat(SecretMasking.mask("token=" + token)).doesNotContain("AAHfiq");
        assertThat(SecretMasking.mask("order 1234567890: filled at 1.0842"))
                .isEqualTo("order 1234567890: filled at 1.0842");
    }

    @Test
    void theOtherSecretsStayMasked() {
        assertThat(SecretMasking.mask("/api/v1/hooks/tradingview/abcdef?x=1"))
                .isEqualTo("/api/v1/hooks/tradingview/***?x=1");
        assertThat(SecretMasking.mask("Authorization: Bearer abc.def")).isEqualTo("Authorization: Bearer ***");
    }
}
