package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kept check asks the availability bean once and then follows its state without asking it again; work runs
 * only while the database is usable, an outage is the given failure reply, a lost conflict runs the work again
 * unless it must run once (and is the failure reply when it is lost at each try), and anything else is thrown.
 */
class KeptAvailabilityCheckTest {

    @Test
    void theBeanIsAskedOnceAndAnOutageLaterIsSeenAtTheNextRequest() {
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger beanCalls = new AtomicInteger();
        DatabaseAvailability bean = new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return !down.get();
            }

            @Override
            public boolean outage(Throwable failure) {
                return false;
            }

            @Override
            public BooleanSupplier usableCheck() {
                beanCalls.incrementAndGet();
                return DatabaseAvailability.super.usableCheck();
            }
        };
        KeptAvailabilityCheck check = new KeptAvailabilityCheck();
        assertTrue(check.usable(bean));
        down.set(true);
        assertFalse(check.usable(bean));
        down.set(false);
        assertTrue(check.usable(bean));
        assertEquals(1, beanCalls.get());
    }

    @Test
    void workRunsOnlyWhileTheDatabaseIsUsableAndAnOutageMeanwhileIsTheFailureReply() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("failure", new KeptAvailabilityCheck().retried(BeanStubs.DOWN, () -> "ran " + runs.incrementAndGet(), "failure"));
        assertEquals(0, runs.get(), "nothing may run while the database is down");
        assertEquals("ran 1", new KeptAvailabilityCheck().retried(BeanStubs.UP, () -> "ran " + runs.incrementAndGet(), "failure"));
        assertEquals("failure", new KeptAvailabilityCheck().retried(BeanStubs.UP, () -> {
            runs.incrementAndGet();
            throw BeanStubs.connectionLost();
        }, "failure"));
        assertEquals("failure", new KeptAvailabilityCheck().once(BeanStubs.UP, () -> {
            throw BeanStubs.connectionLost();
        }, "failure"));
        assertEquals(2, runs.get(), "an outage is not run again");
    }

    @Test
    void aLostConflictRunsTheWorkAgainUnlessItMustRunOnce() {
        AtomicInteger runs = new AtomicInteger();
        ConflictRetry.Call<String, RuntimeException> losesOnce = () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("commit failed", new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
            }
            return "ran " + runs.get();
        };
        assertEquals("ran 2", new KeptAvailabilityCheck().retried(BeanStubs.UP, losesOnce, "failure"));
        runs.set(0);
        RuntimeException lost = assertThrows(IllegalStateException.class, () -> new KeptAvailabilityCheck().once(BeanStubs.UP, losesOnce, "failure"));
        assertEquals("commit failed", lost.getMessage());
        assertEquals(1, runs.get());
    }

    @Test
    void workThatLosesItsConflictAtEachTryIsTheFailureReplyNotAThrownError() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("failure", new KeptAvailabilityCheck().retried(BeanStubs.UP, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("commit failed", new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        }, "failure"));
        assertEquals(ConflictRetry.ATTEMPTS, runs.get());
    }

    @Test
    void anyOtherFailureIsThrownAsItIs() {
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> new KeptAvailabilityCheck().retried(BeanStubs.UP, () -> {
            throw bug;
        }, "failure")));
        Exception refusal = new Exception("refused");
        assertSame(refusal, assertThrows(Exception.class, () -> new KeptAvailabilityCheck().retried(BeanStubs.UP, () -> {
            throw refusal;
        }, "failure")));
    }
}
