package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept check asks the availability bean once and then follows its state without asking it again. */
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
}
