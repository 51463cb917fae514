package dev.portico.application;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailureTest {

    private static RuntimeException refused() {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306", "08000", new ConnectException("Connection refused"))));
    }

    private static RuntimeException deadlock() {
        SQLException cause = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        return new EJBTransactionRolledbackException("rolled back", new PersistenceException(cause));
    }

    @Test
    void aRefusedConnectionWrappedByJpaAndTheEjbContainerIsAnOutage() {
        assertTrue(DatabaseFailure.unreachable(refused()));
        assertFalse(DatabaseFailure.lostConflict(refused()));
        assertEquals("ConnectException: Connection refused", DatabaseFailure.rootMessage(refused()));
    }

    @Test
    void anEmptyPoolThatTimedOutIsAnOutage() {
        assertTrue(DatabaseFailure.unreachable(new EJBException(new PersistenceException(new SQLTransientConnectionException("J2CA0045E")))));
    }

    @Test
    void aCommunicationsSqlStateIsAnOutage() {
        assertTrue(DatabaseFailure.unreachable(new RuntimeException(new SQLException("Connection reset", "08S01"))));
    }

    @Test
    void aConstraintViolationOrAProgrammingErrorIsNeither() {
        RuntimeException duplicate = new EJBException(new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")));
        assertFalse(DatabaseFailure.unreachable(duplicate));
        assertFalse(DatabaseFailure.lostConflict(duplicate));
        assertNull(DatabaseFailure.of(duplicate, true));
        assertNull(DatabaseFailure.of(new IllegalStateException("unhandled command"), false));
        assertFalse(DatabaseFailure.unreachable(new SQLException("Access denied", "28000")));
    }

    @Test
    void conflictIsRecognisedByErrorCodeOrSqlStateThroughAnyWrapping() {
        assertTrue(DatabaseFailure.lostConflict(deadlock()));
        assertTrue(DatabaseFailure.lostConflict(new RuntimeException(new SQLException("WSREP detected deadlock/conflict", "40001"))));
        assertTrue(DatabaseFailure.lostConflict(new RuntimeException(new SQLException("Deadlock found", "HY000", 1213))));
        assertFalse(DatabaseFailure.lostConflict(new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertFalse(DatabaseFailure.lostConflict(new IllegalStateException("no SQL at all")));
        assertFalse(DatabaseFailure.unreachable(deadlock()));
    }

    @Test
    void aFailureLeavesATransactionalMethodAsTheRollingBackKindAndAnUntransactedOneAsTheOther() {
        DatabaseFailure inTransaction = DatabaseFailure.of(refused(), true);
        assertSame(DatabaseFailure.class, inTransaction.getClass());
        assertEquals(DatabaseFailure.Kind.UNREACHABLE, inTransaction.kind());
        assertEquals("the database is unreachable", inTransaction.getMessage(), "no host or port for whoever shows it");
        assertEquals("ConnectException: Connection refused", DatabaseFailure.rootMessage(inTransaction), "the cause keeps them for the log");

        DatabaseFailure outside = DatabaseFailure.of(deadlock(), false);
        assertInstanceOf(DatabaseFailure.Untransacted.class, outside);
        assertEquals(DatabaseFailure.Kind.CONFLICT, outside.kind());
        assertTrue(DatabaseFailure.lostConflict(outside), "still a conflict for ConflictRetry");
    }

    @Test
    void aBeanLeavesWithTheRollingBackKindInsideATransactionAndTheOtherOutside() {
        assertTrue(DatabaseFailure.class.getAnnotation(ApplicationException.class).rollback(), "a transaction it leaves is rolled back");
        assertFalse(DatabaseFailure.Untransacted.class.getAnnotation(ApplicationException.class).rollback(),
                "outside a transaction: nothing to roll back, and the container would log marking its local one");
    }

    @Test
    void aCallerFindsWhatABeanThrewOrAFailedCommitButNotAnyBrokenConnection() {
        DatabaseFailure thrown = DatabaseFailure.of(refused(), false);
        assertSame(thrown, DatabaseFailure.fromBean(thrown));
        assertSame(thrown, DatabaseFailure.fromBean(new IllegalStateException("wrapped", thrown)));
        assertEquals(DatabaseFailure.Kind.CONFLICT, DatabaseFailure.fromBean(deadlock()).kind(), "a Galera conflict at the container's commit");
        assertNull(DatabaseFailure.fromBean(new UncheckedIOException(new SocketException("Broken pipe"))), "a client that went away");
        assertNull(DatabaseFailure.fromBean(new EJBException(new IllegalArgumentException("a bug"))));
    }

    @Test
    void aFailureAlreadyOfTheRightKindPassesAsItIsAndIsRewrappedOnlyAcrossATransactionBoundary() {
        DatabaseFailure inTransaction = DatabaseFailure.of(refused(), true);
        assertSame(inTransaction, DatabaseFailure.of(inTransaction, true));

        DatabaseFailure outside = DatabaseFailure.of(inTransaction, false);
        assertInstanceOf(DatabaseFailure.Untransacted.class, outside);
        assertSame(inTransaction.getCause(), outside.getCause(), "the original failure, not the other kind, is the cause");
        assertSame(outside, DatabaseFailure.of(outside, false));
        assertSame(DatabaseFailure.class, DatabaseFailure.of(outside, true).getClass());

        DatabaseFailure wrapped = DatabaseFailure.of(new EJBException(inTransaction), false);
        assertSame(inTransaction, DatabaseFailure.find(new EJBException(inTransaction)));
        assertEquals(DatabaseFailure.Kind.UNREACHABLE, wrapped.kind());
    }
}
