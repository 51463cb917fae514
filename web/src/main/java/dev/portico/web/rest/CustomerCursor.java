package dev.portico.web.rest;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code after} of a customers page's next link: where the page ended, so that the next page continues from
 * there in the order's index (keyset) instead of skipping a growing offset. In the name orders it is the last
 * customer's lower-cased name (any name will do: the page starts after it); in the age orders, the last customer's
 * age (empty when none) and id ({@code 40,1234}).
 */
final class CustomerCursor {

    /** The longest name key (V8); a name is at most 512 characters, and lower-casing can lengthen it. */
    private static final int MAX_NAME_KEY = 768;
    private static final Pattern AGE_AND_ID = Pattern.compile("([0-9]{1,3})?,([1-9][0-9]{0,17})");

    private CustomerCursor() {
    }

    static String of(CustomerPosition last, CustomerOrder order) {
        return switch (order) {
            case NAME_ASCENDING, NAME_DESCENDING -> last.nameKey();
            case AGE_ASCENDING, AGE_DESCENDING -> (last.age() == null ? "" : last.age().toString()) + "," + last.id();
        };
    }

    /** The position {@code text} names in {@code order}; anything else is refused, saying what a cursor is (the API's 400). */
    static CustomerPosition parse(String text, CustomerOrder order) {
        switch (order) {
            case NAME_ASCENDING, NAME_DESCENDING -> {
                if (!text.isEmpty() && text.length() <= 512) {
                    String key = Customer.keyOf(text);
                    if (key.length() <= MAX_NAME_KEY) {
                        return CustomerPosition.afterName(key);
                    }
                }
                throw new IllegalArgumentException("after must be a name of 1 to 512 characters (the next link gives the page's last), got '"
                        + shown(text) + "'");
            }
            default -> {
                Matcher m = AGE_AND_ID.matcher(text);
                if (m.matches()) {
                    return CustomerPosition.afterAge(m.group(1) == null ? null : Integer.valueOf(m.group(1)), Long.parseLong(m.group(2)));
                }
                throw new IllegalArgumentException("after must be the value a next link gave when sorting by age (an age, empty when none, "
                        + "and an id, e.g. 40,1234), got '" + shown(text) + "'");
            }
        }
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
