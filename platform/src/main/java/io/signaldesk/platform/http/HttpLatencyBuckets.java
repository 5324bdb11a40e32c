package io.signaldesk.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Latency buckets for every service's HTTP server requests ({@code http_server_requests_seconds_bucket}),
 * so dashboards show p50/p99 per route template and an SLO can count requests under a threshold. A
 * dozen fixed buckets, not a percentile histogram's seventy: the series count stays small with the
 * route, method and status labels.
 */
@Singleton
public class HttpLatencyBuckets {
    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Stream.of(BUCKETS)
                                .mapToDouble(d -> (double) d.toNanos())
                                .toArray())
                        .build()
                        .merge(config);
            }
        };
    }
}
