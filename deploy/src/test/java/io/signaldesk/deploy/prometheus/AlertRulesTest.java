package io.signaldesk.deploy.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of deploy/prometheus: promtool accepts them, their promtool unit tests hold,
 * and every alert carries what the on-call engineer needs (severity, summary, description, a
 * runbook entry that exists).
 *
 * <p>The rules exist once, as the {@code spec} of a PrometheusRule (what Kubernetes gets). This
 * test extracts that spec into target/prometheus/signaldesk.rules.yml, a plain rules file for
 * promtool, and copies the unit tests (tests/*.test.yaml, whose {@code rule_files} name
 * {@code signaldesk.rules.yml}) beside it, so promtool resolves the relative path.
 */
class AlertRulesTest {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path RULES = MODULE.resolve("prometheus/signaldesk-rules.yaml");
    static final Path TESTS = MODULE.resolve("prometheus/tests");
    static final Path RUNBOOK = MODULE.resolve("../docs/runbook.md").normalize();
    static final Path WORK = MODULE.resolve("target/prometheus");
    static final String RUNBOOK_URL = "https://github.com/signaldesk/signaldesk/blob/main/docs/runbook.md#";
    static final Set<String> SEVERITIES = Set.of("page", "ticket");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    static Path extracted;
    static List<Path> unitTests;
    /** Alert name to its rule, in file order. */
    static Map<String, JsonNode> alerts;

    @BeforeAll
    static void extract() throws IOException {
        JsonNode rule = YAML.readTree(RULES.toFile());
        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.path("metadata").path("name").asText()).isEqualTo("signaldesk");
        assertThat(rule.path("metadata").path("labels").path("release").asText())
                .as("the label a kube-prometheus-stack release named prometheus selects rules by")
                .isEqualTo("prometheus");
        JsonNode spec = rule.path("spec");
        assertThat(spec.path("groups").isArray()).as("spec.groups").isTrue();

        Files.createDirectories(WORK);
        extracted = WORK.resolve("signaldesk.rules.yml");
        YAML.writeValue(extracted.toFile(), spec);

        try (Stream<Path> files = Files.list(TESTS)) {
            unitTests = files.filter(p -> p.getFileName().toString().endsWith(".test.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(unitTests).as("promtool unit tests in " + TESTS).isNotEmpty();
        for (Path t : unitTests) {
            Files.copy(t, WORK.resolve(t.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        alerts = new LinkedHashMap<>();
        for (JsonNode group : spec.path("groups")) {
            for (JsonNode r : group.path("rules")) {
                if (r.has("alert")) {
                    assertThat(alerts.put(r.path("alert").asText(), r))
                            .as("alert names are unique: " + r.path("alert").asText())
                            .isNull();
                }
            }
        }
        assertThat(alerts).isNotEmpty();
    }

    @Test
    void promtoolAcceptsTheRules() {
        promtool(List.of("check", "rules", extracted.getFileName().toString()));
    }

    @Test
    void promtoolUnitTestsHold() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        unitTests.forEach(t -> args.add(t.getFileName().toString()));
        promtool(args);
    }

    @Test
    void everyAlertSaysHowBadItIsAndWhereToLook() {
        for (Map.Entry<String, JsonNode> e : alerts.entrySet()) {
            String name = e.getKey();
            JsonNode r = e.getValue();
            assertThat(r.path("labels").path("severity").asText())
                    .as(name + ": labels.severity")
                    .isIn(SEVERITIES);
            for (String a : List.of("summary", "description", "runbook_url", "dashboard")) {
                assertThat(r.path("annotations").path(a).asText())
                        .as(name + ": annotations." + a)
                        .isNotBlank();
            }
            assertThat(r.path("annotations").path("runbook_url").asText())
                    .as(name + ": runbook_url points at the alert's own runbook entry")
                    .isEqualTo(RUNBOOK_URL + anchor(name));
        }
    }

    @Test
    void everyAlertHasUnitTestsFiringAndNotFiring() throws IOException {
        Set<String> firing = new LinkedHashSet<>();
        Set<String> silent = new LinkedHashSet<>();
        for (Path t : unitTests) {
            JsonNode doc = YAML.readTree(t.toFile());
            assertThat(doc.path("rule_files").toString())
                    .as(t + ": rule_files names the extracted rules")
                    .isEqualTo("[\"signaldesk.rules.yml\"]");
            for (JsonNode group : doc.path("tests")) {
                for (JsonNode c : group.path("alert_rule_test")) {
                    String name = c.path("alertname").asText();
                    assertThat(alerts).as(t + " tests an alert the rules have").containsKey(name);
                    (c.path("exp_alerts").isEmpty() ? silent : firing).add(name);
                }
            }
        }
        assertThat(without(firing))
                .as("alerts without a promtool case where they fire")
                .isEmpty();
        assertThat(without(silent))
                .as("alerts without a promtool case where they do not fire")
                .isEmpty();
    }

    /** The alert names not in {@code names}. */
    static Set<String> without(Set<String> names) {
        Set<String> rest = new LinkedHashSet<>(alerts.keySet());
        rest.removeAll(names);
        return rest;
    }

    @Test
    void everyAlertHasARunbookEntry() throws IOException {
        String runbook = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        int section = runbook.indexOf("\n## Alerts\n");
        assertThat(section).as(RUNBOOK + " has an \"## Alerts\" section").isNotNegative();
        int next = runbook.indexOf("\n## ", section + 1);
        String alertsSection = runbook.substring(section, next < 0 ? runbook.length() : next);
        Set<String> headings = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^### (.+?)\\s*$").matcher(alertsSection);
        while (m.find()) {
            headings.add(m.group(1));
        }
        assertThat(without(headings))
                .as("alerts without a \"### <alert name>\" heading under \"## Alerts\" in " + RUNBOOK)
                .isEmpty();
    }

    /** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to dashes. */
    static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** Runs promtool in target/prometheus and fails with its output when it exits non-zero. */
    static void promtool(List<String> args) {
        String exe = promtoolExecutable();
        List<String> command = new ArrayList<>();
        command.add(exe);
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command)
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .start();
            // Read before waiting: a full pipe would block promtool.
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 10 minutes:\n" + output);
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " (in " + WORK + ") exited " + p.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            fail("could not run " + exe + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted running promtool", e);
        }
    }

    /** $PROMTOOL, else promtool on the PATH; missing is a failure, never a skip. */
    static String promtoolExecutable() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not installed (nor on the PATH, nor named by $PROMTOOL). Install it with "
                + "`sudo apt-get install prometheus` (Debian/Ubuntu; the package ships /usr/bin/promtool), or "
                + "download a Prometheus release from https://prometheus.io/download/ and put promtool on the PATH.");
    }
}
