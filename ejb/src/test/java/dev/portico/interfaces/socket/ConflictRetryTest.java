package dev.portico.interfaces.socket;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A request whose transaction lost a deadlock or a Galera certification conflict is run again; nothing else is. */
class ConflictRetryTest {

    private static RuntimeException deadlock() {
        SQLException cause = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        return new EJBTransactionRolledbackException("rolled back", new PersistenceException(cause));
    }

    @Test
    void callThatLostADeadlockRunsAgainAndItsSecondResultIsAnswered() {
        AtomicInteger runs = new AtomicInteger();

        long row = ConflictRetry.run(() -> {
            if (runs.incrementAndGet() == 1) {
                throw deadlock();
            }
            return 41L;
        });

        assertEquals(41L, row);
        assertEquals(2, runs.get());
    }

    @Test
    void callThatKeepsLosingFailsAfterThreeRunsWithTheLastFailure() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = deadlock();

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> ConflictRetry.run(() -> {
            runs.incrementAndGet();
            throw runs.get() == ConflictRetry.ATTEMPTS ? last : deadlock();
        }));

        assertSame(last, thrown);
        assertEquals(ConflictRetry.ATTEMPTS, runs.get());
    }

    @Test
    void otherFailuresAndRefusalsAreNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);

        assertThrows(PersistenceException.class, () -> ConflictRetry.run(() -> {
            runs.incrementAndGet();
            throw new PersistenceException(duplicate);
        }));
        assertThrows(Exception.class, () -> ConflictRetry.run(() -> {
            runs.incrementAndGet();
            throw new Exception("a typed refusal");
        }));

        assertEquals(2, runs.get());
    }
}
