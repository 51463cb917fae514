package dev.portico.web.metrics;

import dev.portico.application.TrafficStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The latency buckets' {@code le} labels are written as Prometheus clients write them. */
class ListenerTrafficMetricsTest {

    @Test
    void bucketBoundsAreSecondsWithoutTrailingZeros() {
        List<String> labels = TrafficStatus.LATENCY_BOUNDS.stream().map(ListenerTrafficMetrics::seconds).toList();

        assertEquals(List.of("0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10"), labels);
    }
}
