package dev.portico.domain.customer;

import jakarta.ejb.ApplicationException;

/** No customer has that name. */
@ApplicationException(rollback = true)
public class CustomerNotFoundException extends Exception {

    public CustomerNotFoundException(String name) {
        super("no customer named " + name);
    }
}
