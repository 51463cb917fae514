package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import dev.portico.domain.customer.CustomerRules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code after} of a customers page's next link: where the page ended, so that the next page continues from
 * there in the order's index (keyset) instead of skipping a growing offset. Sorted by name it is {@code name:} and
 * the last customer's name key as stored (its lower-cased name, taken verbatim); sorted by age, {@code age:} and the
 * last customer's age (empty when none) and id ({@code age:40,1234}). A cursor serves the sort it was given for only.
 */
final class CustomerCursor {

    private static final String NAME = "name:";
    private static final String AGE = "age:";
    private static final Pattern AGE_AND_ID = Pattern.compile("age:([0-9]{1,3})?,([1-9][0-9]{0,17})");

    private CustomerCursor() {
    }

    static String of(CustomerPosition last, CustomerOrder order) {
        return switch (order) {
            case NAME_ASCENDING, NAME_DESCENDING -> NAME + last.nameKey();
            case AGE_ASCENDING, AGE_DESCENDING -> AGE + (last.age() == null ? "" : last.age().toString()) + "," + last.id();
        };
    }

    /** The position {@code text} names in {@code order}; anything else is refused, saying what a cursor is (the API's 400). */
    static CustomerPosition parse(String text, CustomerOrder order) {
        boolean byName = order == CustomerOrder.NAME_ASCENDING || order == CustomerOrder.NAME_DESCENDING;
        if (byName && text.startsWith(NAME)) {
            String key = text.substring(NAME.length());
            // A key as stored: up to MAX_KEY code points (lower-casing can lengthen a name), each up to two chars.
            if (!key.isEmpty() && key.length() <= 2 * CustomerRules.MAX_KEY && key.codePointCount(0, key.length()) <= CustomerRules.MAX_KEY) {
                return CustomerPosition.afterName(key);
            }
        }
        if (!byName) {
            Matcher m = AGE_AND_ID.matcher(text);
            if (m.matches()) {
                return CustomerPosition.afterAge(m.group(1) == null ? null : Integer.valueOf(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        throw new IllegalArgumentException("after must be the value the next link of a page of the same sort gave ("
                + (byName ? "name: and a name key, e.g. name:ada" : "age: and an age, empty when none, and an id, e.g. age:40,1234")
                + "), got '" + QueryNumbers.shown(text) + "'");
    }
}
