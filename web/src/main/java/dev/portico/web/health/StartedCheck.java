package dev.portico.web.health;

import dev.portico.application.StorageReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once this start's schema migrations completed (Liberty adds its own check that the application started). */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    static final String NAME = "portico-started";

    @Inject
    private StorageReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(readiness.schemaMigrated()).build();
    }
}
