package dev.portico.domain.customer;

import java.util.Objects;

/**
 * One page of a customer listing: which customers, in which order, from which position (an offset, or
 * {@code after} a customer: keyset, as fast however deep), how many.
 */
public record CustomerQuery(CustomerFilter filter, CustomerOrder order, int offset, int limit, CustomerPosition after) {

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
        if (after != null && offset != 0) {
            throw new IllegalArgumentException("a page continues after a customer or skips an offset, not both");
        }
        if (after != null && !after.serves(order)) {
            throw new IllegalArgumentException("a page in " + order + " cannot continue after " + after);
        }
    }

    /** A page from an offset (0: the first). */
    public CustomerQuery(CustomerFilter filter, CustomerOrder order, int offset, int limit) {
        this(filter, order, offset, limit, null);
    }
}
