package io.signaldesk.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.signaldesk.localstack.ServiceProcess;
import io.signaldesk.localstack.Suite;
import io.signaldesk.localstack.metrics.MeterNames;
import io.signaldesk.localstack.metrics.MonitoringQueries;
import io.signaldesk.localstack.metrics.MonitoringQueries.Query;
import io.signaldesk.localstack.metrics.PromQlNames;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboards (deploy/grafana/dashboards) and the Prometheus rules
 * (deploy/prometheus) read is one the services really export: seen in a scrape of the six running
 * services' /q/metrics, or registered by their code (a counter that has not counted yet is not in
 * the scrape). The framework metrics (http_server_requests_seconds_*, jvm_*, process_*, kafka_*)
 * are only checked here: no source file names them.
 */
class ExportedMetricsIT {
    /**
     * Series Prometheus writes itself for every target or alert: no service exports them, and a
     * rule may rightly read them.
     */
    private static final Set<String> WRITTEN_BY_PROMETHEUS = Set.of(
            "up",
            "scrape_duration_seconds",
            "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling",
            "scrape_series_added",
            "ALERTS",
            "ALERTS_FOR_STATE");

    @Test
    void everyMetricTheDashboardsAndRulesReadIsExported() {
        Suite suite = RunningSuite.get();
        // one short flow through the gateway, so the HTTP server metrics have series
        String gw = RunningSuite.gateway();
        String credentials = new JsonObject()
                .put("email", GatewayToServicesIT.email())
                .put("password", "system test password")
                .encode();
        given().baseUri(gw)
                .contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201);
        given().baseUri(gw)
                .contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);

        Set<String> scraped = new TreeSet<>();
        for (ServiceProcess p : suite.services()) {
            String body = given().baseUri(p.managementUrl())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            scraped.addAll(sampleNames(body));
        }
        assertThat(scraped).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");

        Path root = RunningSuite.root;
        Set<String> fromCode = MeterNames.fromSources(root);
        List<Path> ruleFiles = MonitoringQueries.ruleFiles(root);
        Set<String> recorded = MonitoringQueries.recordedNames(ruleFiles);

        List<Query> queries = new ArrayList<>();
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Path d : MonitoringQueries.dashboards(root)) {
            queries.addAll(MonitoringQueries.dashboardQueries(d));
            for (String n : MonitoringQueries.variableMetrics(d)) {
                queries.add(new Query(d.getFileName() + " / variables", n));
            }
        }
        ruleFiles.forEach(f -> queries.addAll(MonitoringQueries.ruleQueries(f)));
        assertThat(queries).isNotEmpty();
        for (Query q : queries) {
            for (String name : PromQlNames.metricNames(q.expr())) {
                boolean known = scraped.contains(name)
                        || fromCode.contains(name)
                        || recorded.contains(name)
                        || WRITTEN_BY_PROMETHEUS.contains(name);
                if (!known) {
                    unknown.computeIfAbsent(name, n -> new TreeSet<>()).add(q.source());
                }
            }
        }
        assertThat(unknown)
                .as("metrics neither in a scrape of the six services nor registered by their code "
                        + "(name -> queries reading it)")
                .isEmpty();
    }

    /** The series names of a Prometheus text exposition (comments and labels dropped). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
