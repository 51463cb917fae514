package dev.portico.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness database check: a validated connection means UP; no connection or a failed validation means DOWN. */
class JdbcReadinessTest {

    private int validationTimeout;

    @Test
    void answersWhenAPooledConnectionValidatesWithinTheShortTimeout() {
        assertTrue(JdbcReadiness.answers(dataSource(connection(true))));
        assertEquals(JdbcReadiness.VALIDATION_TIMEOUT_SECONDS, validationTimeout);
    }

    @Test
    void doesNotAnswerWhenTheConnectionFailsValidation() {
        assertFalse(JdbcReadiness.answers(dataSource(connection(false))));
    }

    @Test
    void doesNotAnswerWhenNoConnectionCanBeHad() {
        assertFalse(JdbcReadiness.answers(dataSource(null)));
    }

    private Connection connection(boolean valid) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("isValid")) {
                validationTimeout = (Integer) args[0];
                return valid;
            }
            return null;
        });
    }

    private DataSource dataSource(Connection connection) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                if (connection == null) {
                    throw new SQLTransientConnectionException("Connection refused");
                }
                return connection;
            }
            throw new SQLException("not used: " + method.getName());
        });
    }
}
