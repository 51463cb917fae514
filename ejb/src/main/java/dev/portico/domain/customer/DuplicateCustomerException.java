package dev.portico.domain.customer;

import jakarta.ejb.ApplicationException;

/** A customer with that name (in any case) is already stored. */
@ApplicationException(rollback = true)
public class DuplicateCustomerException extends Exception {

    public DuplicateCustomerException(String name) {
        super("a customer named " + name + " already exists");
    }
}
