package dev.portico.application;

import java.util.function.BooleanSupplier;

/**
 * Whether the database can be used now. While it is unreachable, channels answer with their generic
 * error at once instead of waiting for the connection pool; the outage is logged once when it begins
 * and once when it ends, and the database is tried again every second. Implemented in infrastructure.
 */
public interface DatabaseAvailability {

    /** False while the database is known to be unreachable. */
    boolean usable();

    /**
     * {@link #usable()} as a plain object for a caller to keep: asked through a bean, it is bound to the
     * instance behind the bean, so asking it per request costs no bean call.
     */
    default BooleanSupplier usableCheck() {
        return this::usable;
    }

    /**
     * Whether {@code failure} (anything a service threw) means that the database is unreachable; if so,
     * the outage is recorded, so that the next requests are refused at once.
     */
    boolean outage(Throwable failure);
}
