package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;

import java.util.function.BooleanSupplier;

/**
 * A listener bean's way to the database: each request's work runs only while the database is usable, and
 * its protocol's failure reply stands in when it is not or goes away meanwhile (nothing was changed then).
 * The availability check is taken from the availability bean at the first request and kept: asking it per
 * request is then no bean call. Not shared: each bean instance serves one request at a time.
 */
final class KeptAvailabilityCheck {

    private BooleanSupplier check;

    boolean usable(DatabaseAvailability database) {
        if (check == null) {
            check = database.usableCheck();
        }
        return check.getAsBoolean();
    }

    /**
     * {@code work}, run again on a lost conflict ({@link ConflictRetry}), while the database is usable;
     * {@code failure} when it is not or goes away meanwhile. Any other failure is thrown.
     */
    <T, E extends Exception> T retried(DatabaseAvailability database, ConflictRetry.Call<T, E> work, T failure) throws E {
        return once(database, () -> ConflictRetry.run(work), failure);
    }

    /** As {@link #retried}, but {@code work} runs once: for work that must never run twice (a reply streamed as it reads). */
    <T, E extends Exception> T once(DatabaseAvailability database, ConflictRetry.Call<T, E> work, T failure) throws E {
        if (!usable(database)) {
            return failure;
        }
        try {
            return work.run();
        } catch (RuntimeException e) {
            if (database.outage(e)) {
                return failure;
            }
            throw e;
        }
    }
}
