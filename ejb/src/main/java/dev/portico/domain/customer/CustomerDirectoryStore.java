package dev.portico.domain.customer;

import java.util.List;
import java.util.Optional;

/**
 * The customer directory's busiest commands, find and add, in one statement each (listings, changes,
 * deletes and imports go through {@link CustomerRepository}). A name is matched by its key
 * ({@link Customer#keyOf}: Python's {@code str.lower()}).
 */
public interface CustomerDirectoryStore {

    /** The stored customer with this name, as last committed; needs no transaction. */
    Optional<Customer> find(String name);

    /**
     * Stores a new customer in the caller's transaction. The name key's unique index decides between
     * adds of one name, concurrent ones on any server included: the loser gets the exception, and its
     * transaction may still commit or roll back (only the refused statement was undone).
     */
    void insert(Customer customer) throws DuplicateCustomerException;

    /**
     * Stores new customers in the caller's transaction, one after the other, each as {@link #insert}
     * does; returns, in order, whether each was stored (false: its name was taken, by a customer stored
     * before or earlier in the list). A refused one undoes nothing of the others.
     */
    List<Boolean> insertAll(List<Customer> customers);

    /**
     * Stores a new customer on its own, outside any transaction, committed when this returns; whether it was
     * stored (false: its name was taken). Fails, rather than leave it uncommitted, inside a transaction.
     */
    boolean insertCommitted(Customer customer);
}
