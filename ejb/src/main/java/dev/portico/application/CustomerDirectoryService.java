package dev.portico.application;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The customer directory's use cases. Names are matched case-insensitively; field values are
 * the trimmed text a client sent. Each change is one transaction, committed when it returns.
 */
public interface CustomerDirectoryService {

    /** The customer with this name; one read outside any transaction. */
    Optional<CustomerView> find(String name);

    /** Adds a customer; checks, in order: name free, name present, age, phone. */
    CustomerView add(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException;

    /**
     * The same add for a caller outside any transaction (a socket request): it never joins the caller's
     * transaction, shares one transaction and one commit with concurrent adds, and returns once its
     * customer is committed; each add still gets its own outcome.
     */
    CustomerView addCommitted(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException;

    /** Deletes a customer; an empty name is {@code EMPTY_NAME}. */
    void delete(String name) throws CustomerNotFoundException, InvalidCustomerException;

    /** Sets (or, when empty, clears) a customer's age. */
    void updateAge(String name, String age) throws CustomerNotFoundException, InvalidCustomerException;

    void updateAddress(String name, String address) throws CustomerNotFoundException, InvalidCustomerException;

    /** Sets (or, when empty, clears) a customer's phone. */
    void updatePhone(String name, String phone) throws CustomerNotFoundException, InvalidCustomerException;

    /**
     * Sets age, address and phone at once (an empty age or phone clears it), checking what updates
     * 4, 5 and 6 check, age before phone; when one is refused nothing changes.
     */
    CustomerView update(String name, String age, String address, String phone) throws CustomerNotFoundException, InvalidCustomerException;

    /**
     * As {@link #update}, but only while the customer is still as {@code seen} (as its caller read it: an editor when it
     * opened, an HTTP client by its ETag): else {@link CustomerChangedException} with the customer as it is now, and
     * nothing changes. The check and the change are one transaction, on the customer's locked row.
     */
    CustomerView update(String name, CustomerView seen, String age, String address, String phone)
            throws CustomerNotFoundException, InvalidCustomerException, CustomerChangedException;

    /**
     * Hands every customer, sorted by lower-cased name (the report's order), to {@code each} as a
     * database cursor yields them, until {@code each} returns false; memory does not grow with the
     * directory. Runs outside a transaction: its single query is a consistent snapshot by itself,
     * and a consumer that waits for a slow client cannot run into a transaction timeout.
     *
     * @return how many customers {@code each} was given
     */
    long eachCustomer(Predicate<CustomerView> each);

    /** One page of a listing, and where the next continues if more follow; reads one customer more than the page holds. */
    CustomerPage page(CustomerQuery query);

    /**
     * The customers of the page at {@code query}'s offset, knowing that its filter lets {@code total} through (the
     * console's table counts before each page): a page in the second half is read from the other end, so that the
     * database never skips more than half of them (the last of 1,000,000 by age: 760 ms from the front). A total
     * that changes meanwhile shifts such a page by as many customers.
     */
    List<CustomerView> page(CustomerQuery query, long total);

    /** How many customers the filter lets through. */
    long count(CustomerFilter filter);

    /**
     * The next {@code size} customers (at most {@link CustomerQuery#MAX_LIMIT}) after the given name
     * key ({@code null} or empty: from the first) as data-file lines: calling again with the batch's
     * {@code lastNameKey} until a batch comes back short exports the directory in bounded memory.
     */
    ExportBatch exportBatch(String afterNameKey, int size);

    /**
     * Imports lines of the data-file format in one transaction; stores the valid ones and reports every
     * other one. It logs nothing per line: callers import a large file in batches and log one summary.
     * A name stored by someone else while the lines were imported (after it was checked) rolls the whole
     * transaction back: {@link DuplicateCustomerException}.
     */
    ImportReport importLines(List<String> lines) throws DuplicateCustomerException;

    /** Writes every customer, in the data-file format, to the configured export file. */
    ExportResult export() throws IOException;
}
