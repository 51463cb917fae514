package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;

import java.util.function.BooleanSupplier;

/**
 * A listener bean's check of the database's availability, taken from the availability bean at the first
 * request and kept: asking it per request is then no bean call. Not shared: each bean instance serves
 * one request at a time.
 */
final class KeptAvailabilityCheck {

    private BooleanSupplier check;

    boolean usable(DatabaseAvailability database) {
        if (check == null) {
            check = database.usableCheck();
        }
        return check.getAsBoolean();
    }
}
