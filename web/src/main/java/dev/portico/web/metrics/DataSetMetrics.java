package dev.portico.web.metrics;

import dev.portico.application.DatabaseStatus;
import dev.portico.application.SystemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.function.ToLongFunction;

/**
 * How much each data set holds, as gauges. They read the dashboard's shared database figures, which
 * are read again only when at least 2 s old and 10 times as old as reading them took (exact
 * {@code COUNT(*)}s of customers and rentals, about 0.3 s each at a million rows; FeatherBase rows from
 * the tables' row counters), so scrapes keep the database busy a tenth of the time at most.
 * An unreachable database reads as 0 (and the readiness check is DOWN).
 */
@ApplicationScoped
public class DataSetMetrics {

    @Inject
    private SystemStatus status;

    @Inject
    private MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("portico.customers", "Customers stored", DatabaseStatus::customers);
        gauge("portico.rentals", "Rentals stored", DatabaseStatus::rentals);
        gauge("portico.featherbase.rows", "FeatherBase rows stored, every table together", DatabaseStatus::featherBaseRows);
    }

    private void gauge(String name, String description, ToLongFunction<DatabaseStatus> figure) {
        registry.remove(name);
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> figure.applyAsLong(status.database()));
    }
}
