package io.signaldesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack's secrets never appear on a command line, which every user of the machine can read. */
class ServiceLaunchTest {
    static final Map<String, String> SETTINGS = Map.of(
            "quarkus.datasource.password", "pg-Secret-1",
            "signaldesk.secrets.key", "aes-Secret-2",
            "gateway.fingerprint-pepper", "pepper-Secret-3",
            "affiliate.pepper", "pepper-Secret-4",
            "gateway.admin.password", "admin-Secret-5",
            "payout.stripe.secret-key", "sk_test_Secret-6",
            "payout.stripe.webhook-secret", "whsec_Secret-7",
            "approval.telegram.bot-token", "123:Secret-8",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/signaldesk",
            "smallrye.jwt.sign.key.location", "file:///keys/jwt-private.pem");

    @Test
    void secretsGoToTheEnvironmentUnderTheNamesSmallRyeConfigReadsAndTheRestStaysOnTheCommandLine() {
        ServiceProcess.Launch launch = ServiceProcess.Launch.of(SETTINGS);
        assertThat(String.join(" ", launch.systemProperties())).doesNotContain("Secret");
        assertThat(launch.systemProperties())
                .containsExactlyInAnyOrder(
                        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/signaldesk",
                        "-Dsmallrye.jwt.sign.key.location=file:///keys/jwt-private.pem");
        assertThat(launch.environment())
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "pg-Secret-1")
                .containsEntry("SIGNALDESK_SECRETS_KEY", "aes-Secret-2")
                .containsEntry("GATEWAY_FINGERPRINT_PEPPER", "pepper-Secret-3")
                .containsEntry("AFFILIATE_PEPPER", "pepper-Secret-4")
                .containsEntry("GATEWAY_ADMIN_PASSWORD", "admin-Secret-5")
                .containsEntry("PAYOUT_STRIPE_SECRET_KEY", "sk_test_Secret-6")
                .containsEntry("PAYOUT_STRIPE_WEBHOOK_SECRET", "whsec_Secret-7")
                .containsEntry("APPROVAL_TELEGRAM_BOT_TOKEN", "123:Secret-8")
                .hasSize(8);
    }

    @Test
    void aLaunchedProcessHasItsSecretsInItsEnvironmentAndNotInItsCommandLine() throws Exception {
        ServiceProcess.Launch launch = ServiceProcess.Launch.of(SETTINGS);
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "sleep 30", "sd-launch-test");
        b.command().addAll(launch.systemProperties());
        b.environment().putAll(launch.environment());
        Process p = b.start();
        try {
            Path proc = Path.of("/proc", Long.toString(p.pid()));
            String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            String environ = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
            assertThat(cmdline).contains("-Dquarkus.datasource.jdbc.url=").doesNotContain("Secret");
            assertThat(environ).contains("QUARKUS_DATASOURCE_PASSWORD=pg-Secret-1");
        } finally {
            p.destroyForcibly();
        }
    }
}
