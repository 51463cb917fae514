package dev.portico.domain.rental;

import jakarta.ejb.ApplicationException;

/** An intake payload breaks a rule; the message names the first problem (e.g. {@code users[0]: gender must be M or F, got 'X'}). */
@ApplicationException(rollback = true)
public class InvalidRentalException extends Exception {

    public InvalidRentalException(String problem) {
        super(problem);
    }
}
