package dev.portico.domain.customer;

import java.util.Objects;

/** One page of a customer listing: which customers, in which order, from which position, how many. */
public record CustomerQuery(CustomerFilter filter, CustomerOrder order, int offset, int limit) {

    /** The most rows one page may hold. */
    public static final int MAX_LIMIT = 1000;

    public CustomerQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", got " + limit);
        }
    }
}
