package io.signaldesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.localstack.Ports;
import io.signaldesk.localstack.ServiceProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packaged service (prod profile) with the repository's development secrets does not start. */
class ProductionSecretsIT {
    @Test
    void aPackagedServiceRefusesToStartWithTheRepositorysDevelopmentSecrets() throws Exception {
        RunningSuite.get(); // the test servers and settings
        Map<String, String> props = new HashMap<>(RunningSuite.settings);
        props.remove("signaldesk.secrets.key"); // back to the committed development default
        props.remove("gateway.fingerprint-pepper");
        try (ServiceProcess p = ServiceProcess.start(
                RunningSuite.root,
                "gateway",
                Ports.free(),
                Ports.free(),
                props,
                RunningSuite.root.resolve("system-tests/target/service-logs/prod-secrets"),
                "128m")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !p.isAlive());
            String log = Files.readString(p.log());
            assertThat(log)
                    .contains("Refusing to start in the prod profile")
                    .contains("signaldesk.secrets.key is left at its development default (set SIGNALDESK_SECRETS_KEY)")
                    .contains(
                            "gateway.fingerprint-pepper is left at its development default (set SIGNALDESK_FINGERPRINT_PEPPER)")
                    .doesNotContain("quarkus.datasource.password is left");
        }
    }
}
