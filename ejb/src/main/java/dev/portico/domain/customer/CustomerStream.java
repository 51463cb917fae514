package dev.portico.domain.customer;

import java.util.function.Predicate;

/** Every stored customer in the report's order, read from a database cursor rather than loaded at once. */
public interface CustomerStream {

    /**
     * Hands every customer, ordered by lower-cased name, to {@code each} as the cursor yields it, until
     * {@code each} returns false. Customers are read a bounded batch at a time and not kept, so memory
     * does not grow with the directory. Joins the caller's transaction, if any; without one, its single
     * query is a consistent snapshot by itself.
     *
     * @return how many customers {@code each} was given
     */
    long forEachByName(Predicate<Customer> each);
}
