package dev.portico.web.health;

import dev.portico.application.StorageReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers and this start's schema migrations completed. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "portico-database";

    @Inject
    private StorageReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = readiness.schemaMigrated();
        boolean answers = readiness.databaseAnswers();
        return HealthCheckResponse.named(NAME).status(migrated && answers)
                .withData("answers", answers).withData("migrated", migrated).build();
    }
}
