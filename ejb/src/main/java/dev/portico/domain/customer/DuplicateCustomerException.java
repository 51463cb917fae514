package dev.portico.domain.customer;

import jakarta.ejb.ApplicationException;

/** A customer with that name (in any case) is already stored. */
@ApplicationException(rollback = true)
public class DuplicateCustomerException extends Exception {

    public DuplicateCustomerException(String name) {
        super("a customer named " + name + " already exists");
    }

    /**
     * The same refusal from a call outside any transaction (an add through the group commit, which has
     * its own): nothing to roll back, and marking the container's local transaction rollback-only would
     * log an error (WLTC0017E) for a client's mistake.
     */
    @ApplicationException(rollback = false)
    public static final class Untransacted extends DuplicateCustomerException {

        public Untransacted(String name) {
            super(name);
        }
    }
}
