package dev.portico.domain.customer;

import java.util.List;
import java.util.Optional;

/** Stored customers. */
public interface CustomerRepository {

    /** The customer with this name, compared by key ({@link Customer#keyOf}: Python's {@code str.lower()}). */
    Optional<Customer> findByName(String name);

    /**
     * The customer with this name, locked against concurrent changes until the transaction ends; read
     * as last committed, so a customer deleted meanwhile is absent.
     */
    Optional<Customer> findByNameForUpdate(String name);

    /**
     * The page's customers, reading {@code rows} of them instead of the query's limit (one more tells whether
     * another page follows); reads no more rows than that.
     */
    List<Customer> findPage(CustomerQuery query, int rows);

    /** How many customers the filter lets through. */
    long count(CustomerFilter filter);

    /**
     * Up to {@code limit} customers whose lower-cased name comes after {@code nameKey} (empty: from the
     * first), in that order; read-only copies, not kept by the persistence context, for exports.
     */
    List<Customer> findAfter(String nameKey, int limit);

    /** Stores a new customer now, so that a name taken meanwhile is reported here and not at commit. */
    void store(Customer customer) throws DuplicateCustomerException;

    void remove(Customer customer);
}
