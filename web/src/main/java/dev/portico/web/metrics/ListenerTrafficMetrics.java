package dev.portico.web.metrics;

import dev.portico.application.TrafficStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Each listener's requests in detail, tagged by {@code protocol}: in flight, by {@code command}, problems
 * by {@code kind}, evicted connections, accept failures, and the answering time as a Prometheus-shaped
 * histogram ({@code portico_listener_latency_seconds_bucket{le=...}}, {@code _count}, {@code _sum}, and
 * {@code _max}). They read the adapter's counters when scraped (MicroProfile Metrics 5 takes no
 * histogram it did not record itself, so these are gauges of the adapter's own histogram), so the
 * dashboard and /metrics show the same numbers. Counts start again at 0 when a listener restarts.
 */
@ApplicationScoped
public class ListenerTrafficMetrics {

    static final String LATENCY = "portico.listener.latency.seconds";

    @Inject
    private ListenerSnapshots listeners;

    @Inject
    private MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String protocol : ListenerMetrics.PROTOCOLS) {
            gauge(protocol, "portico.listener.requests.in.flight", "Requests the application is answering now", t -> t.inFlight());
            for (String command : TrafficStatus.commands(protocol)) {
                gauge(protocol, "portico.listener.command.requests", "Requests of each command the application answered since the listener started",
                        t -> t.requests(command), new Tag("command", command));
            }
            for (String kind : TrafficStatus.PROBLEM_KINDS) {
                gauge(protocol, "portico.listener.problems", "Failed and refused requests by kind since the listener started",
                        t -> t.problems(kind), new Tag("kind", kind));
            }
            gauge(protocol, "portico.listener.connections.evicted", "Idle connections closed so that a new client could be served",
                    t -> t.connectionsEvicted());
            gauge(protocol, "portico.listener.accept.failures", "Times a connection could not be accepted (it waited in the backlog)",
                    t -> t.acceptFailures());
            gauge(protocol, "portico.listener.gathered.calls", "Calls that answered requests of several connections together "
                    + "(FeatherBase reads) since the listener started", t -> t.gatheredCalls());
            gauge(protocol, "portico.listener.gathered.requests", "Requests answered in such calls since the listener started",
                    t -> t.gatheredRequests());
            latency(protocol);
        }
    }

    private void latency(String protocol) {
        String bucketHelp = "Requests answered within le seconds since the listener started (cumulative)";
        for (int i = 0; i < TrafficStatus.LATENCY_BOUNDS.size(); i++) {
            int bucket = i;
            gauge(protocol, LATENCY + ".bucket", bucketHelp, t -> t.latencyBuckets().get(bucket),
                    new Tag("le", seconds(TrafficStatus.LATENCY_BOUNDS.get(i))));
        }
        gauge(protocol, LATENCY + ".bucket", bucketHelp, t -> t.latencyCount(), new Tag("le", "+Inf"));
        gauge(protocol, LATENCY + ".count", "Requests timed since the listener started", t -> t.latencyCount());
        gauge(protocol, LATENCY + ".sum", "Seconds the application took to answer them, together", t -> t.latencyTotalNanos() / 1e9);
        gauge(protocol, LATENCY + ".max", "The longest answer since the listener started, in seconds", t -> t.latencyMaxNanos() / 1e9);
    }

    private void gauge(String protocol, String name, String description, ToDoubleFunction<TrafficStatus> figure, Tag... more) {
        Tag[] tags = new Tag[more.length + 1];
        tags[0] = new Tag("protocol", protocol);
        System.arraycopy(more, 0, tags, 1, more.length);
        registry.remove(new MetricID(name, tags));
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> listeners.of(protocol).map(l -> figure.applyAsDouble(l.traffic())).orElse(0.0), tags);
    }

    /** A bucket bound as Prometheus writes it: {@code 0.0005}, {@code 1}, {@code 2.5}. */
    static String seconds(Duration bound) {
        return BigDecimal.valueOf(bound.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
