package io.signaldesk.platform.secrets;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the prod profile (the default of a packaged service) a service refuses to start while a secret
 * is left at the development value committed in this repository: it would be known to anyone who
 * can read the code. The local stack and the system tests pass generated values explicitly.
 */
@ApplicationScoped
public class ProductionSecretsGuard {
    /** Setting -> the environment variable that sets it, and the development values committed here. */
    record Guarded(String env, Set<String> devValues) {}

    static final Map<String, Guarded> GUARDED = Map.of(
            "signaldesk.secrets.key",
                    new Guarded("SIGNALDESK_SECRETS_KEY", Set.of("c2lnbmFsZGVzay1sb2NhbC1kZXYta2V5LTMyYnl0ZXM=")),
            "gateway.fingerprint-pepper",
                    new Guarded("SIGNALDESK_FINGERPRINT_PEPPER", Set.of("local-dev-pepper-change-me")),
            "affiliate.pepper", new Guarded("SIGNALDESK_AFFILIATE_PEPPER", Set.of("dev-only-click-pepper")),
            "quarkus.datasource.password", new Guarded("QUARKUS_DATASOURCE_PASSWORD", Set.of("postgres", "")));

    private static final java.util.regex.Pattern SERVICE_OWN =
            java.util.regex.Pattern.compile("(gateway|affiliate)\\.");

    void check(@Observes @Priority(1) StartupEvent ev) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        List<String> problems = violations(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile: " + String.join("; ", problems));
        }
    }

    /** One message per guarded setting that is still at a development value (or unset, for the database password). */
    static List<String> violations(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        GUARDED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Optional<String> value = config.apply(e.getKey());
            // only the gateway has gateway.*, only affiliate-service affiliate.*
            boolean present =
                    value.isPresent() || !SERVICE_OWN.matcher(e.getKey()).lookingAt();
            if (present && e.getValue().devValues().contains(value.orElse(""))) {
                problems.add(e.getKey() + " is left at its development default (set "
                        + e.getValue().env() + ")");
            }
        });
        return problems;
    }
}
