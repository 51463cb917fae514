package dev.portico.domain.rental;

import jakarta.ejb.ApplicationException;

/**
 * An intake payload breaks a rule; the message names the first problem (e.g. {@code users[0]: gender must be M or F, got 'X'}).
 * Found before anything is written and outside any transaction (the intake runs NOT_SUPPORTED and writes through the group
 * commit), so there is nothing to roll back: marking a local transaction rollback-only there made Liberty log WLTC0017E,
 * an error, for a client's mistake.
 */
@ApplicationException(rollback = false)
public class InvalidRentalException extends Exception {

    public InvalidRentalException(String problem) {
        super(problem);
    }
}
