package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database's availability as the application last saw it. A request that lost its connection marks
 * the database down unless a fresh connection answers at once (logged once, without a stack trace); from
 * then on requests are refused at once, and a non-persistent timer tries a pooled connection every
 * {@link #PROBE_MILLIS} ms until one answers, which marks it up again (logged once, with the outage's
 * length and the requests refused).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JdbcDatabaseAvailability implements DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(JdbcDatabaseAvailability.class.getName());
    static final long PROBE_MILLIS = 1000;
    private static final int VALID_SECONDS = 2;

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong downSinceNanos = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Override
    public boolean usable() {
        if (down.get()) {
            refused.incrementAndGet();
            return false;
        }
        return true;
    }

    @Override
    public boolean outage(Throwable failure) {
        if (!DatabaseFailure.unreachable(failure)) {
            return false;
        }
        if (!down.get() && answers()) {
            // One lost connection (e.g. closed by the server), not an outage: only this request gets the error.
            LOG.fine(() -> "a database connection was lost, the database still answers: " + DatabaseFailure.rootMessage(failure));
            return true;
        }
        if (down.compareAndSet(false, true)) {
            downSinceNanos.set(System.nanoTime());
            refused.set(0);
            LOG.warning(() -> "Portico: the database is unreachable (" + DatabaseFailure.rootMessage(failure)
                    + "); requests get their protocol's error reply at once until it answers again, tried every second");
            schedule();
        }
        return true;
    }

    @Timeout
    void probe() {
        if (!down.get()) {
            return;
        }
        if (answers()) {
            down.set(false);
            long seconds = (System.nanoTime() - downSinceNanos.get()) / 1_000_000_000L;
            LOG.info(() -> "Portico: the database answers again after " + seconds + " s; " + refused.get()
                    + " requests were refused meanwhile");
            return;
        }
        schedule();
    }

    /** Whether a pooled connection to the database can be had and answers. */
    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_SECONDS);
        } catch (SQLException | RuntimeException stillDown) {
            LOG.log(Level.FINE, "database unreachable", stillDown);
            return false;
        }
    }

    private void schedule() {
        timers.createSingleActionTimer(PROBE_MILLIS, new TimerConfig(null, false));
    }
}
