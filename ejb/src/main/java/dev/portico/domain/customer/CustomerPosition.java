package dev.portico.domain.customer;

import java.util.Objects;

/**
 * Where a listing stopped, which the next page continues after (keyset) instead of skipping an offset: the name
 * key for the name orders (unique by itself), the age in years (or none) and the id for the age orders, whose
 * index holds the id after the age.
 */
public record CustomerPosition(String nameKey, Integer age, long id) {

    public CustomerPosition {
        if (nameKey == null && id <= 0) {
            throw new IllegalArgumentException("a position is a name key, or an age and an id, got neither");
        }
    }

    /** The position of {@code customer}, good for every order. */
    public static CustomerPosition of(Customer customer) {
        return new CustomerPosition(customer.nameKey(), customer.ageInYears(), customer.id());
    }

    /** After the customers whose name key sorts up to {@code nameKey} (the name orders). */
    public static CustomerPosition afterName(String nameKey) {
        return new CustomerPosition(Objects.requireNonNull(nameKey, "nameKey"), null, 0);
    }

    /** After the customer of age {@code age} (null: none) and id {@code id} (the age orders). */
    public static CustomerPosition afterAge(Integer age, long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("an id is positive, got " + id);
        }
        return new CustomerPosition(null, age, id);
    }

    /** Whether a page in {@code order} can continue from here. */
    public boolean serves(CustomerOrder order) {
        return switch (order) {
            case NAME_ASCENDING, NAME_DESCENDING -> nameKey != null;
            case AGE_ASCENDING, AGE_DESCENDING -> id > 0;
        };
    }
}
