package io.signaldesk.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.localstack.metrics.PromQlNames;
import org.junit.jupiter.api.Test;

/** The tokenizer the dashboard and rule checks rely on: metric names in, everything else out. */
class PromQlNamesTest {
    @Test
    void findsTheSelectorsAndSkipsFunctionsLabelsStringsDurationsAndVariables() {
        String expr = "histogram_quantile(0.99, sum by (le, job) (rate(a_seconds_bucket{job=~\"$job\", uri=\"/x{y}\"}"
                + "[$__rate_interval]))) / on (job) group_left (pod) b offset 5m > bool 0.5"
                + " and sum without (le) (c) or topk(3, d:recorded:rate5m) unless vector(1) + time()"
                + " * avg(e[1h:5m]) - count_values(\"v\", f) + max_over_time(g[${__range}])";
        assertThat(PromQlNames.metricNames(expr))
                .containsExactlyInAnyOrder("a_seconds_bucket", "b", "c", "d:recorded:rate5m", "e", "f", "g");
    }

    @Test
    void grafanaVariablesBecomePlainPromQl() {
        assertThat(PromQlNames.withoutGrafanaVariables(
                        "rate(x{job=~\"$job\", ns=~\"${namespace:regex}\"}[$__rate_interval]) + y[$__range]"))
                .isEqualTo("rate(x{job=~\".*\", ns=~\".*\"}[5m]) + y[5m]");
    }
}
