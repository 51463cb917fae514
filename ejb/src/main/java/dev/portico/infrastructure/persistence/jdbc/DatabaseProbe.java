package dev.portico.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The timer of {@link JdbcDatabaseAvailability}: while the database is down, probes it every so often until it answers. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {

    @Resource
    private TimerService timers;

    @Inject
    private JdbcDatabaseAvailability availability;

    /** Probes once after {@code millis} ms (a non-persistent timer), and again until the database answers. */
    public void in(long millis) {
        timers.createSingleActionTimer(millis, new TimerConfig(null, false));
    }

    @Timeout
    void probe() {
        if (!availability.probeOnce()) {
            in(JdbcDatabaseAvailability.PROBE_MILLIS);
        }
    }
}
