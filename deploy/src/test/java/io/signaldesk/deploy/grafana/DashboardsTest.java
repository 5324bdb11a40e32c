package io.signaldesk.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.signaldesk.localstack.ServiceProcess;
import io.signaldesk.localstack.metrics.MeterNames;
import io.signaldesk.localstack.metrics.MonitoringQueries;
import io.signaldesk.localstack.metrics.MonitoringQueries.Query;
import io.signaldesk.localstack.metrics.PromQlNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards of deploy/grafana: well-formed for Grafana's provisioning, no hard-coded
 * datasource, every query valid PromQL (promtool decides), and every {@code signaldesk_*} metric a
 * query reads registered by the services' code. Framework metrics (HTTP, JVM, Kafka clients) are
 * only visible on a running service: system-tests' ExportedMetricsIT checks those against a scrape.
 */
class DashboardsTest {
    private static final String DATASOURCE_REF = "${datasource}";
    private static final String[] TITLES = {
        "SignalDesk / Overview",
        "SignalDesk / Trade pipeline",
        "SignalDesk / Accounts",
        "SignalDesk / Money",
        "SignalDesk / JVM"
    };

    private static Path root;
    private static List<Path> files;
    private static Map<Path, JsonNode> dashboards;

    @BeforeAll
    static void read() {
        root = ServiceProcess.projectRoot();
        files = MonitoringQueries.dashboards(root);
        dashboards = new TreeMap<>();
        files.forEach(f -> dashboards.put(f, MonitoringQueries.readJson(f)));
    }

    @Test
    void theFiveDashboardsExistWithUniqueUidsAndTheirTitles() {
        assertThat(files).hasSize(TITLES.length);
        Set<String> uids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        dashboards.forEach((f, d) -> {
            assertThat(d.path("uid").asText()).as(f + ": uid").matches("signaldesk-[a-z-]+");
            assertThat(uids.add(d.path("uid").asText())).as(f + ": uid unique").isTrue();
            assertThat(d.path("schemaVersion").asInt())
                    .as(f + ": schemaVersion")
                    .isBetween(36, 41);
            titles.add(d.path("title").asText());
        });
        assertThat(titles).containsExactlyInAnyOrder(TITLES);
    }

    @Test
    void eachHasAPrometheusDatasourceVariable() {
        dashboards.forEach((f, d) -> {
            JsonNode ds = null;
            for (JsonNode v : d.path("templating").path("list")) {
                if (v.path("name").asText().equals("datasource")) {
                    ds = v;
                }
            }
            assertThat(ds).as(f + ": templating variable 'datasource'").isNotNull();
            assertThat(ds.path("type").asText())
                    .as(f + ": datasource variable type")
                    .isEqualTo("datasource");
            assertThat(ds.path("query").asText())
                    .as(f + ": datasource variable query")
                    .isEqualTo("prometheus");
        });
    }

    @Test
    void everyPanelHasItsPlaceTheDatasourceVariableAndQueries() {
        dashboards.forEach((f, d) -> {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : MonitoringQueries.panels(d)) {
                String where = f.getFileName() + " / " + p.path("title").asText();
                assertThat(ids.add(p.path("id").asInt()))
                        .as(where + ": panel id unique")
                        .isTrue();
                JsonNode g = p.path("gridPos");
                for (String k : List.of("h", "w", "x", "y")) {
                    assertThat(g.path(k).isInt()).as(where + ": gridPos." + k).isTrue();
                }
                assertThat(g.path("x").asInt() + g.path("w").asInt())
                        .as(where + ": inside the 24 columns")
                        .isLessThanOrEqualTo(24);
                if (p.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(p.path("datasource").path("type").asText())
                        .as(where + ": datasource type")
                        .isEqualTo("prometheus");
                assertThat(p.path("datasource").path("uid").asText())
                        .as(where + ": datasource uid")
                        .isEqualTo(DATASOURCE_REF);
                assertThat(p.path("targets")).as(where + ": targets").isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("refId").asText()).as(where + ": refId").isNotBlank();
                    assertThat(refIds.add(t.path("refId").asText()))
                            .as(where + ": refId unique")
                            .isTrue();
                    assertThat(t.path("expr").asText()).as(where + ": expr").isNotBlank();
                }
            }
        });
    }

    /** Any "datasource" anywhere (panels, targets, variables) is the variable, never a fixed uid. */
    @Test
    void noDatasourceIsHardCoded() {
        dashboards.forEach((f, d) -> {
            List<String> fixed = new ArrayList<>();
            findDatasources(d, "$", fixed);
            assertThat(fixed).as(f + ": hard-coded datasources").isEmpty();
        });
    }

    private static void findDatasources(JsonNode node, String path, List<String> fixed) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path + "." + e.getKey();
                if (e.getKey().equals("datasource")) {
                    JsonNode ds = e.getValue();
                    String uid = ds.isTextual() ? ds.asText() : ds.path("uid").asText();
                    // Grafana's own annotation source is not a datasource one could hard-code
                    boolean builtIn = ds.path("type").asText().equals("grafana");
                    if (!builtIn && !uid.equals(DATASOURCE_REF)) {
                        fixed.add(at + " = " + ds);
                    }
                }
                findDatasources(e.getValue(), at, fixed);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findDatasources(node.get(i), path + "[" + i + "]", fixed);
            }
        }
    }

    /** promtool parses every query: one recording rule per query, then {@code promtool check rules}. */
    @Test
    void everyQueryIsValidPromQl(@TempDir Path tmp) throws Exception {
        List<Query> queries = allQueries();
        assertThat(queries).isNotEmpty();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            rules.append("      # ").append(q.source().replace('\n', ' ')).append('\n');
            rules.append("      - record: dashboard:check:").append(i).append('\n');
            // a JSON string is a valid YAML double-quoted scalar
            rules.append("        expr: ")
                    .append(json.writeValueAsString(PromQlNames.withoutGrafanaVariables(q.expr())))
                    .append('\n');
        }
        Path file = tmp.resolve("dashboard-queries.rules.yaml");
        Files.writeString(file, rules);
        Process p = new ProcessBuilder(promtool(), "check", "rules", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(
                        "promtool check rules on the dashboards' queries:\n%s\nfailing queries:\n%s",
                        out, failing(out, queries))
                .isZero();
    }

    /** The signaldesk_* series the queries read are registered by some service's code. */
    @Test
    void everySignalDeskMetricIsExportedByTheCode() {
        Set<String> exported = MeterNames.fromSources(root);
        assertThat(exported)
                .contains("signaldesk_events_consumed_total", "signaldesk_signals_fanout_lag_seconds_bucket");
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Query q : allQueries()) {
            for (String name : PromQlNames.metricNames(q.expr())) {
                if (name.startsWith("signaldesk_") && !exported.contains(name)) {
                    unknown.computeIfAbsent(name, n -> new TreeSet<>()).add(q.source());
                }
            }
        }
        files.forEach(f -> MonitoringQueries.variableMetrics(f).stream()
                .filter(n -> n.startsWith("signaldesk_") && !exported.contains(n))
                .forEach(n -> unknown.computeIfAbsent(n, x -> new TreeSet<>()).add(f.getFileName() + " / variables")));
        assertThat(unknown)
                .as("metrics no service's code registers (name -> queries reading it)")
                .isEmpty();
    }

    /** Every dashboard file is in the ConfigMap, so none is left out of the cluster. */
    @Test
    void theConfigMapCarriesEveryDashboard() throws IOException {
        JsonNode k = new ObjectMapper(new YAMLFactory())
                .readTree(root.resolve("deploy/grafana/kustomization.yaml").toFile());
        JsonNode gen = k.path("configMapGenerator").get(0);
        assertThat(gen.path("name").asText()).isEqualTo("signaldesk-dashboards");
        assertThat(k.path("generatorOptions")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asText())
                .isEqualTo("1");
        assertThat(k.path("generatorOptions").path("disableNameSuffixHash").asBoolean())
                .isTrue();
        List<String> listed = new ArrayList<>();
        gen.path("files").forEach(f -> listed.add(f.asText()));
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().map(f -> "dashboards/" + f.getFileName()).toList());
    }

    private static List<Query> allQueries() {
        List<Query> out = new ArrayList<>();
        files.forEach(f -> out.addAll(MonitoringQueries.dashboardQueries(f)));
        return out;
    }

    /** The queries promtool names in its output ("dashboard:check:<n>"), with where they are. */
    private static String failing(String promtoolOutput, List<Query> queries) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("dashboard:check:(\\d+)").matcher(promtoolOutput);
        Set<Integer> seen = new TreeSet<>();
        while (m.find()) {
            seen.add(Integer.parseInt(m.group(1)));
        }
        for (int i : seen) {
            Query q = queries.get(i);
            b.append("  ").append(q.source()).append(": ").append(q.expr()).append('\n');
        }
        return b.toString();
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new AssertionError("promtool is not installed (Debian: apt-get install prometheus)");
    }
}
