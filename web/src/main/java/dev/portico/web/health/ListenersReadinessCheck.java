package dev.portico.web.health;

import dev.portico.application.SystemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while each of the three socket listeners is bound and accepting connections. */
@Readiness
@ApplicationScoped
public class ListenersReadinessCheck implements HealthCheck {

    @Inject
    private SystemStatus status;

    @Override
    public HealthCheckResponse call() {
        return ListenersReadiness.of(status.listeners());
    }
}
