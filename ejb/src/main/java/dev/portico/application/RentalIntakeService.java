package dev.portico.application;

import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.SentValue;

/**
 * Takes in rentals from any channel: all of a request is stored in one transaction, or none of it. That
 * transaction is never the caller's: it may be shared with concurrent requests, and is committed before
 * the call returns.
 */
public interface RentalIntakeService {

    /**
     * Validates and stores a payload as its channel received it, typed (what a pickle or JSON decodes to).
     *
     * @return the number of rentals stored
     */
    int intake(SentValue payload) throws InvalidRentalException;
}
