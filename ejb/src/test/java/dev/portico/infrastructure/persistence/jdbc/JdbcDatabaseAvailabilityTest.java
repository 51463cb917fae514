package dev.portico.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database's availability is a plain bean every request asks (no EJB call per request); an
 * outage makes requests fail at once and starts the probe timer, which keeps probing until a
 * connection answers, and then requests are served again.
 */
class JdbcDatabaseAvailabilityTest {

    private boolean databaseAnswers;
    private final List<Long> probesScheduled = new ArrayList<>();

    private JdbcDatabaseAvailability availability() throws ReflectiveOperationException {
        JdbcDatabaseAvailability availability = new JdbcDatabaseAvailability();
        set(availability, "dataSource", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!databaseAnswers) {
                        throw new SQLTransientConnectionException("Connection refused");
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> m.getName().equals("isValid") ? Boolean.TRUE : null);
                }));
        set(availability, "probe", new DatabaseProbe() {
            @Override
            public void in(long millis) {
                probesScheduled.add(millis);
            }
        });
        return availability;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = JdbcDatabaseAvailability.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void anOutageRefusesRequestsAndProbesUntilTheDatabaseAnswersAgain() throws Exception {
        JdbcDatabaseAvailability availability = availability();
        assertTrue(availability.usable());
        assertTrue(availability.outage(new SQLException("lost", new ConnectException("Connection refused"))));
        assertFalse(availability.usable());
        assertEquals(List.of(JdbcDatabaseAvailability.PROBE_MILLIS), probesScheduled);
        assertFalse(availability.probeOnce(), "still down: probe again");
        databaseAnswers = true;
        assertTrue(availability.probeOnce(), "answers: probing stops");
        assertTrue(availability.usable());
    }

    @Test
    void aFailureThatIsNotAboutTheConnectionIsNoOutage() throws Exception {
        JdbcDatabaseAvailability availability = availability();
        assertFalse(availability.outage(new SQLException("Duplicate entry", "23000")));
        assertTrue(availability.usable());
        assertEquals(List.of(), probesScheduled);
    }
}
