package dev.portico.application;

import dev.portico.domain.rental.InvalidRentalException;

/** Takes in rentals from any channel: all of a request is stored in one transaction, or none of it. */
public interface RentalIntakeService {

    /**
     * Validates and stores a payload given as plain data (what a pickle or JSON decodes to).
     *
     * @return the number of rentals stored
     */
    int intake(Object payload) throws InvalidRentalException;
}
