package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.application.StorageReadiness;
import dev.portico.infrastructure.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Readiness from the data source and the schema migration: the database check takes a pooled
 * connection and asks the driver to validate it ({@link Connection#isValid(int)}: one round trip,
 * bounded by {@link #VALIDATION_TIMEOUT_SECONDS}); no table is read. This is the one place to point at
 * a shared database-availability gate when there is one.
 */
@ApplicationScoped
public class JdbcReadiness implements StorageReadiness {

    private static final Logger LOG = Logger.getLogger(JdbcReadiness.class.getName());

    static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Inject
    private SchemaMigration schemaMigration;

    @Override
    public boolean databaseAnswers() {
        return answers(dataSource);
    }

    /** Whether a connection from {@code dataSource} validates; false, not an exception, when it cannot be had. */
    static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Readiness: the database does not answer", e);
            return false;
        }
    }

    @Override
    public boolean schemaMigrated() {
        return schemaMigration.completed();
    }
}
