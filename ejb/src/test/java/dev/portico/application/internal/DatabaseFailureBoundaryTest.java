package dev.portico.application.internal;

import dev.portico.application.DatabaseFailure;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What leaves a bean: the database's failures as DatabaseFailure of the kind the method's transaction needs; anything else as it is. */
class DatabaseFailureBoundaryTest {

    private static DatabaseFailureBoundary boundary(boolean inTransaction) throws ReflectiveOperationException {
        TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistry() {
            @Override
            public Object getTransactionKey() {
                return inTransaction ? "tx" : null;
            }

            @Override
            public void putResource(Object key, Object value) {
            }

            @Override
            public Object getResource(Object key) {
                return null;
            }

            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
            }

            @Override
            public int getTransactionStatus() {
                return 0;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public boolean getRollbackOnly() {
                return false;
            }
        };
        DatabaseFailureBoundary boundary = new DatabaseFailureBoundary();
        Field field = DatabaseFailureBoundary.class.getDeclaredField("transactions");
        field.setAccessible(true);
        field.set(boundary, registry);
        return boundary;
    }

    /** A call whose method throws {@code failure}. */
    private static InvocationContext throwing(Exception failure) {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(), new Class<?>[] {InvocationContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        throw failure;
                    }
                    throw new AssertionError("not expected: " + method.getName());
                });
    }

    @Test
    void anUnreachableDatabaseInsideATransactionLeavesAsTheRollingBackKind() throws Exception {
        RuntimeException lost = new IllegalStateException("insert failed", new SQLNonTransientConnectionException("Socket error", "08000"));
        DatabaseFailure thrown = assertThrows(DatabaseFailure.class, () -> boundary(true).translate(throwing(lost)));
        assertSame(DatabaseFailure.class, thrown.getClass());
        assertEquals(DatabaseFailure.Kind.UNREACHABLE, thrown.kind());
        assertSame(lost, thrown.getCause());
    }

    @Test
    void aLostConflictOutsideATransactionLeavesAsTheUntransactedKind() throws Exception {
        RuntimeException lost = new IllegalStateException("commit failed", new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        DatabaseFailure thrown = assertThrows(DatabaseFailure.class, () -> boundary(false).translate(throwing(lost)));
        assertInstanceOf(DatabaseFailure.Untransacted.class, thrown);
        assertEquals(DatabaseFailure.Kind.CONFLICT, thrown.kind());
    }

    @Test
    void anythingElseLeavesAsItIs() throws Exception {
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> boundary(true).translate(throwing(bug))));
        Exception refusal = new Exception("a typed refusal");
        assertSame(refusal, assertThrows(Exception.class, () -> boundary(false).translate(throwing(refusal))));
    }
}
