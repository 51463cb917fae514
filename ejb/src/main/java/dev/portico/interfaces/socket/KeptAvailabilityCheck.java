package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A listener bean's way to the database: each request's work runs only while the database is usable, and
 * its protocol's failure reply stands in when it is not or goes away meanwhile (nothing was changed then).
 * The availability check is taken from the availability bean at the first request and kept: asking it per
 * request is then no bean call. Not shared: each bean instance serves one request at a time.
 */
final class KeptAvailabilityCheck {

    private static final Logger LOG = Logger.getLogger(KeptAvailabilityCheck.class.getName());

    private BooleanSupplier check;

    boolean usable(DatabaseAvailability database) {
        if (check == null) {
            check = database.usableCheck();
        }
        return check.getAsBoolean();
    }

    /**
     * {@code work}, run again on a lost conflict ({@link ConflictRetry}), while the database is usable;
     * {@code failure} when it is not or goes away meanwhile, or when the work lost a conflict at each try
     * (nothing was kept, as with an outage). Any other failure is thrown.
     */
    <T, E extends Exception> T retried(DatabaseAvailability database, ConflictRetry.Call<T, E> work, T failure) throws E {
        return guarded(database, () -> ConflictRetry.run(work), failure, true);
    }

    /** As {@link #retried}, but {@code work} runs once: for work that must never run twice (a reply streamed as it reads); a lost conflict is thrown. */
    <T, E extends Exception> T once(DatabaseAvailability database, ConflictRetry.Call<T, E> work, T failure) throws E {
        return guarded(database, work, failure, false);
    }

    private <T, E extends Exception> T guarded(DatabaseAvailability database, ConflictRetry.Call<T, E> work, T failure,
            boolean lostConflictIsFailure) throws E {
        if (!usable(database)) {
            return failure;
        }
        try {
            return work.run();
        } catch (RuntimeException e) {
            if (database.outage(e)) {
                return failure;
            }
            if (lostConflictIsFailure && DatabaseFailure.lostConflict(e)) {
                LOG.log(Level.FINE, e, () -> "a request lost a conflict at each of its " + ConflictRetry.ATTEMPTS + " tries; answered as failed");
                return failure;
            }
            throw e;
        }
    }
}
