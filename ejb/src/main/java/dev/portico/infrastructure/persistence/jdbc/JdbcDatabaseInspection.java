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
 * rentals are exact {@code COUNT(*)}s (InnoDB walks its smallest index: 0.2 to 0.35 s each at a
 * million rows, measured); FeatherBase rows are the sum of the tables' row counters (under 1 ms).
 * Callers share one reading: figures are handed out again until they are {@link #MIN_REUSE} old, or
 * {@link #COST_FACTOR} times as old as reading them took, so any number of open dashboards keeps the
 * database busy with them at most a tenth of the time.
 */
@ApplicationScoped
public class JdbcDatabaseInspection implements DatabaseInspection {

    private static final Logger LOG = Logger.getLogger(JdbcDatabaseInspection.class.getName());

    /** Below the dashboard's 5 s refresh, so that on a small database each refresh sees new figures. */
    static final Duration MIN_REUSE = Duration.ofSeconds(2);
    static final int COST_FACTOR = 10;
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
        if (latest == null || now - latestNanos > reuseNanos(latest.took())) {
            latest = read();
            latestNanos = System.nanoTime();
        }
        return latest;
    }

    /** How long figures that took {@code took} to read are handed out again. */
    static long reuseNanos(Duration took) {
        return Math.max(MIN_REUSE.toNanos(), COST_FACTOR * took.toNanos());
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
