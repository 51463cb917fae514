package dev.portico.application;

import jakarta.ejb.ApplicationException;

/**
 * A change was asked of a customer as its caller had seen it, and it was changed since (through a socket, the API or
 * another console): nothing was changed. Carries the customer as it is now, for the caller to show.
 */
@ApplicationException(rollback = true)
public class CustomerChangedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CustomerView current;

    public CustomerChangedException(CustomerView current) {
        super(current.name() + " was changed meanwhile");
        this.current = current;
    }

    public CustomerView current() {
        return current;
    }
}
