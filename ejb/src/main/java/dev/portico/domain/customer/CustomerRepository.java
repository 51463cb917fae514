package dev.portico.domain.customer;

import java.util.List;
import java.util.Optional;

/** Stored customers. */
public interface CustomerRepository {

    /** The customer with this name, compared case-insensitively. */
    Optional<Customer> findByName(String name);

    /** Every customer, ordered by lower-cased name. */
    List<Customer> findAll();

    /** Stores a new customer now, so that a name taken meanwhile is reported here and not at commit. */
    void store(Customer customer) throws DuplicateCustomerException;

    void remove(Customer customer);
}
