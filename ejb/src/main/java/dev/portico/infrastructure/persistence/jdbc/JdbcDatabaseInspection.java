package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.application.DatabaseInspection;
import dev.portico.application.DatabaseStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database's versions and data set sizes in one query. Row counts of customers, renters and
 * rentals are exact {@code COUNT(*)}s (InnoDB walks its smallest index: a few hundred ms at a million
 * rows); FeatherBase rows are the sum of the tables' row counters, which costs one row per table.
 * Concurrent callers share one reading: figures less than {@link #REUSE_WITHIN} old are handed out
 * again, so any number of open dashboards costs the database at most one reading per interval.
 */
@ApplicationScoped
public class JdbcDatabaseInspection implements DatabaseInspection {

    private static final Logger LOG = Logger.getLogger(JdbcDatabaseInspection.class.getName());

    /** Below the dashboard's 5 s refresh, so each refresh of a single viewer sees new figures. */
    static final Duration REUSE_WITHIN = Duration.ofSeconds(2);
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    private static final String FIGURES = "SELECT VERSION(),"
            + " (SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1),"
            + " (SELECT COUNT(*) FROM customer),"
            + " (SELECT COUNT(*) FROM fb_database),"
            + " (SELECT COUNT(*) FROM fb_table),"
            + " (SELECT COALESCE(SUM(row_count), 0) FROM fb_table),"
            + " (SELECT COUNT(*) FROM renter),"
            + " (SELECT COUNT(*) FROM rental)";

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    private DatabaseStatus latest;
    private long latestNanos;

    @Override
    public synchronized DatabaseStatus inspect() {
        long now = System.nanoTime();
        if (latest == null || now - latestNanos > REUSE_WITHIN.toNanos()) {
            latest = read();
            latestNanos = System.nanoTime();
        }
        return latest;
    }

    private DatabaseStatus read() {
        Instant checkedAt = Instant.now();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(FIGURES)) {
                rs.next();
                return new DatabaseStatus(true, null, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), checkedAt, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Portico cannot read the database's state for the dashboard: " + e.getMessage());
            return DatabaseStatus.unreachable(e.getMessage(), checkedAt, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
