package io.signaldesk.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSecretsGuardTest {
    static java.util.function.Function<String, Optional<String>> config(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void everyDevelopmentValueIsNamedWithTheVariableThatReplacesIt() {
        assertThat(ProductionSecretsGuard.violations(config(Map.of(
                        "signaldesk.secrets.key", "c2lnbmFsZGVzay1sb2NhbC1kZXYta2V5LTMyYnl0ZXM=",
                        "gateway.fingerprint-pepper", "local-dev-pepper-change-me",
                        "affiliate.pepper", "dev-only-click-pepper",
                        "quarkus.datasource.password", "postgres"))))
                .containsExactly(
                        "affiliate.pepper is left at its development default (set SIGNALDESK_AFFILIATE_PEPPER)",
                        "gateway.fingerprint-pepper is left at its development default (set SIGNALDESK_FINGERPRINT_PEPPER)",
                        "quarkus.datasource.password is left at its development default (set QUARKUS_DATASOURCE_PASSWORD)",
                        "signaldesk.secrets.key is left at its development default (set SIGNALDESK_SECRETS_KEY)");
    }

    @Test
    void realValuesPassAndAServiceWithoutGatewaySettingsIsNotAskedForThem() {
        assertThat(ProductionSecretsGuard.violations(config(Map.of(
                        "signaldesk.secrets.key", "q2W2m1mJ3yq0l0S9v7u6c5x4z3a2b1n0m9k8j7h6g5f=",
                        "quarkus.datasource.password", "a-real-one"))))
                .isEmpty();
        assertThat(ProductionSecretsGuard.violations(config(Map.of("signaldesk.secrets.key", "x"))))
                .containsExactly(
                        "quarkus.datasource.password is left at its development default (set QUARKUS_DATASOURCE_PASSWORD)");
    }
}
