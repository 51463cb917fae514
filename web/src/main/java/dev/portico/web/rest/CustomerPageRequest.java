package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.text.PythonText;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The query parameters of a customer page: {@code name} and {@code phone} (prefixes), {@code age}
 * (exact), {@code sort} ({@code name}, {@code -name}, {@code age}, {@code -age}), {@code offset} or
 * {@code after} (where the page before ended, as its next link gives it: see {@link CustomerCursor}) and
 * {@code limit} (1 to 1000, default 100). A bad value is a 400 that names it.
 */
final class CustomerPageRequest {

    static final int DEFAULT_LIMIT = 100;
    static final List<String> PARAMETERS = List.of("name", "phone", "age", "sort", "offset", "after", "limit");

    private static final Pattern AGE = Pattern.compile("0*[0-9]{1,3}"); // by value: leading zeros as written ("0120") match

    private CustomerPageRequest() {
    }

    /** Whether the parameters ask for a page (any of them present) rather than the whole streamed list. */
    static boolean asked(MultivaluedMap<String, String> parameters) {
        return PARAMETERS.stream().anyMatch(parameters::containsKey);
    }

    static CustomerQuery parse(MultivaluedMap<String, String> parameters) {
        String age = text(parameters, "age");
        if (!age.isEmpty() && !AGE.matcher(age).matches()) {
            throw new BadRequestException("age must be a whole number of at most three digits (leading zeros aside), got '" + age + "'");
        }
        CustomerFilter filter = new CustomerFilter(text(parameters, "name"), text(parameters, "phone"),
                age.isEmpty() ? null : Integer.valueOf(age));
        int offset = number(parameters, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = number(parameters, "limit", 1, CustomerQuery.MAX_LIMIT, DEFAULT_LIMIT);
        CustomerOrder order = order(text(parameters, "sort"));
        String after = parameters.getFirst("after");
        if (after == null || after.isEmpty()) {
            return new CustomerQuery(filter, order, offset, limit);
        }
        if (!text(parameters, "offset").isEmpty()) {
            throw new BadRequestException(NextLink.NOT_WITH_OFFSET);
        }
        try {
            // Verbatim, not stripped: a cursor names a stored key exactly.
            return new CustomerQuery(filter, order, 0, limit, CustomerCursor.parse(after, order));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static CustomerOrder order(String sort) {
        return switch (sort) {
            case "", "name" -> CustomerOrder.NAME_ASCENDING;
            case "-name" -> CustomerOrder.NAME_DESCENDING;
            case "age" -> CustomerOrder.AGE_ASCENDING;
            case "-age" -> CustomerOrder.AGE_DESCENDING;
            default -> throw new BadRequestException("sort must be name, -name, age or -age, got '" + sort + "'");
        };
    }

    private static int number(MultivaluedMap<String, String> parameters, String name, int min, int max, int absent) {
        String text = text(parameters, name);
        return text.isEmpty() ? absent : (int) QueryNumbers.parse(name, text, min, max);
    }

    private static String text(MultivaluedMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null ? "" : PythonText.strip(value);
    }
}
