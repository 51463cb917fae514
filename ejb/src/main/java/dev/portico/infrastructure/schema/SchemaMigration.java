package dev.portico.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the {@code sql} module's migrations, and the name keys
 * a migration left to Java ({@link NameKeyRefresh}), before the application serves anything
 * (startup singletons are initialised before message delivery).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    private volatile boolean completed;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(withoutReplyTimeout(dataSource))
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        if (current == null) {
            throw new IllegalStateException("No schema migrations found on the classpath (db/migration): the database is not usable");
        }
        LOG.info(() -> "Portico schema at version " + current.getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
        try {
            NameKeyRefresh.run(withoutReplyTimeout(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException("Name keys could not be recomputed (name_key_pending): " + e.getMessage(), e);
        }
        completed = true;
    }

    /** Whether the migrations and the name key refresh completed at this start (for the readiness check). */
    @Lock(LockType.READ)
    public boolean completed() {
        return completed;
    }

    /**
     * The data source with the reply timeout (server.xml: portico.db.socketTimeoutMillis, which bounds how long a
     * request waits for a hung database) lifted: a migration may rebuild a large table for many minutes.
     */
    static DataSource withoutReplyTimeout(DataSource pooled) {
        return (DataSource) Proxy.newProxyInstance(SchemaMigration.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection connection) {
                        connection.setNetworkTimeout(Runnable::run, 0);
                    }
                    return result;
                });
    }
}
