package dev.portico.web.metrics;

import dev.portico.application.ListenerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Each socket listener's figures as gauges tagged by {@code protocol}, read from the adapter's
 * listener statistics when scraped. The counts (accepted, requests, errors, refused) only grow while
 * a listener lives and start again at 0 when it restarts, as Prometheus counters do.
 */
@ApplicationScoped
public class ListenerMetrics {

    static final List<String> PROTOCOLS = List.of("customer-directory", "featherbase", "rental-intake");

    @Inject
    private ListenerSnapshots listeners;

    @Inject
    private MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String protocol : PROTOCOLS) {
            gauge(protocol, "portico.listener.listening", "1 while the listener accepts connections, else 0",
                    l -> l.listening() ? 1 : 0);
            gauge(protocol, "portico.listener.connections.open", "Client connections open now", ListenerStatus::openConnections);
            gauge(protocol, "portico.listener.connections.accepted", "Client connections accepted since the listener started",
                    ListenerStatus::connectionsAccepted);
            gauge(protocol, "portico.listener.requests", "Requests answered since the listener started, refused and failed ones included",
                    ListenerStatus::requests);
            gauge(protocol, "portico.listener.errors", "Requests that failed in the application since the listener started",
                    ListenerStatus::errors);
            gauge(protocol, "portico.listener.refused", "Requests refused for the client's input since the listener started",
                    ListenerStatus::refused);
        }
    }

    private void gauge(String protocol, String name, String description, ToLongFunction<ListenerStatus> figure) {
        Tag tag = new Tag("protocol", protocol);
        registry.remove(new MetricID(name, tag));
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> listeners.current().stream().filter(l -> l.protocol().equals(protocol)).mapToLong(figure).sum(), tag);
    }
}
