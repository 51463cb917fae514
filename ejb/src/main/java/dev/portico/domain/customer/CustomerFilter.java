package dev.portico.domain.customer;

import java.util.Objects;

/**
 * Which customers a listing shows: names starting with a prefix (in any case), phones starting with
 * a prefix, and an exact age; an empty prefix or a {@code null} age does not filter.
 */
public record CustomerFilter(String namePrefix, String phonePrefix, Integer age) {

    /** Every customer. */
    public static final CustomerFilter NONE = new CustomerFilter("", "", null);

    public CustomerFilter {
        namePrefix = Objects.requireNonNullElse(namePrefix, "");
        phonePrefix = Objects.requireNonNullElse(phonePrefix, "");
    }

    public boolean isEmpty() {
        return namePrefix.isEmpty() && phonePrefix.isEmpty() && age == null;
    }
}
