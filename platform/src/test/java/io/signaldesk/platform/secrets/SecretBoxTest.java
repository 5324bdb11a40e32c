package io.signaldesk.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    static byte[] key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void duringAKeyRotationSecretsSealedWithThePreviousKeyStillOpenAndNewOnesUseTheCurrentKey() {
        SecretBox before = new SecretBox(key(1));
        String oldSealed = before.seal("device secret");
        SecretBox rotating = new SecretBox(key(2), List.of(key(1)));
        assertThat(rotating.open(oldSealed)).isEqualTo("device secret");
        String newSealed = rotating.seal("another secret");
        assertThat(new SecretBox(key(2)).open(newSealed)).isEqualTo("another secret");
        assertThatThrownBy(() -> before.open(newSealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(key(3)).open(oldSealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signaldesk.secrets.key");
    }
}
