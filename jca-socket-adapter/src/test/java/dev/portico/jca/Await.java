package dev.portico.jca;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition instead of sleeping a fixed time: polls it, failing the test when it does not hold within the bound. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + within + ": " + what);
            }
            Thread.sleep(5);
        }
    }
}
