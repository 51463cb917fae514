package dev.portico.web.console;

import dev.portico.application.DatabaseFailure;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailureExceptionHandlerFactoryTest {

    @Test
    void aCommitTheContainerFailedIsRecognizedThroughFacesAndElWrappingAsTheDatabasesFailure() {
        SQLTransactionRollbackException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        EJBException commit = new EJBException(new RuntimeException("commit failed", deadlock));
        assertEquals(DatabaseFailure.Kind.CONFLICT,
                DatabaseFailureExceptionHandlerFactory.recognized(new FacesException(new ELException(commit))).kind());

        SQLNonTransientConnectionException gone = new SQLNonTransientConnectionException("Socket fail to connect", "08000", new ConnectException());
        assertEquals(DatabaseFailure.Kind.UNREACHABLE,
                DatabaseFailureExceptionHandlerFactory.recognized(new ELException(new EJBException(new RuntimeException(gone)))).kind());
    }

    @Test
    void aDatabaseFailureAlreadyOrAnythingElseIsLeftAsItIs() {
        assertNull(DatabaseFailureExceptionHandlerFactory.recognized(new FacesException(
                DatabaseFailure.of(new SQLNonTransientConnectionException("lost", "08000"), true))), "PrimeFaces matches it already");
        assertNull(DatabaseFailureExceptionHandlerFactory.recognized(new FacesException(new IllegalStateException("a bug"))));
        assertNull(DatabaseFailureExceptionHandlerFactory.recognized(new EJBException(new IllegalStateException("a bug in a bean"))));
    }

    @Test
    void aRequestWithoutThePagesScriptNonceIsRecognizedThroughWrapping() {
        assertTrue(DatabaseFailureExceptionHandlerFactory.forged(new CspException("CSP nonce mismatch")));
        assertTrue(DatabaseFailureExceptionHandlerFactory.forged(new FacesException(new ELException(new CspException("CSP nonce mismatch")))));
        assertFalse(DatabaseFailureExceptionHandlerFactory.forged(new FacesException(new IllegalStateException("a bug"))));
    }
}
