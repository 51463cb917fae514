package dev.portico.infrastructure.persistence.jdbc;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aRefusedConnectionWrappedByJpaAndTheEjbContainerIsAnOutage() {
        Exception failure = new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306", "08000", new ConnectException("Connection refused"))));
        assertTrue(DatabaseFailures.unreachable(failure));
        assertEquals("ConnectException: Connection refused", DatabaseFailures.rootMessage(failure));
    }

    @Test
    void anEmptyPoolThatTimedOutIsAnOutage() {
        assertTrue(DatabaseFailures.unreachable(new EJBException(new PersistenceException(new SQLTransientConnectionException("J2CA0045E")))));
    }

    @Test
    void aCommunicationsSqlStateIsAnOutage() {
        assertTrue(DatabaseFailures.unreachable(new RuntimeException(new SQLException("Connection reset", "08S01"))));
    }

    @Test
    void aConstraintViolationOrAProgrammingErrorIsNot() {
        assertFalse(DatabaseFailures.unreachable(new EJBException(new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))));
        assertFalse(DatabaseFailures.unreachable(new IllegalStateException("unhandled command")));
        assertFalse(DatabaseFailures.unreachable(new SQLException("Access denied", "28000")));
    }
}
