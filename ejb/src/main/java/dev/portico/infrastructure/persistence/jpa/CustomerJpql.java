package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import dev.portico.text.PythonCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL of a customer listing, built from fixed fragments (the filter's values are parameters):
 * a name prefix is lower-cased as the key is (Python's {@code str.lower()}) and matched on {@code name_key},
 * a phone prefix and an age on their V5 indexes.
 */
record CustomerJpql(String where, Map<String, Object> parameters) {

    /** The escape character of the LIKE patterns built here. */
    static final char ESCAPE = '!';

    CustomerJpql {
        parameters = Map.copyOf(parameters);
    }

    static CustomerJpql of(CustomerFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!filter.namePrefix().isEmpty()) {
            List<String> keyPrefixes = PythonCase.lowerPrefixes(filter.namePrefix());
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < keyPrefixes.size(); i++) {
                alternatives.add("c.nameKey LIKE :namePattern" + i + " ESCAPE '" + ESCAPE + "'");
                parameters.put("namePattern" + i, escapeLike(keyPrefixes.get(i)) + "%");
            }
            conditions.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")");
        }
        if (!filter.phonePrefix().isEmpty()) {
            conditions.add("c.phone LIKE :phonePattern ESCAPE '" + ESCAPE + "'");
            parameters.put("phonePattern", escapeLike(filter.phonePrefix()) + "%");
        }
        if (filter.age() != null) {
            conditions.add("c.age = :age");
            parameters.put("age", filter.age());
        }
        return new CustomerJpql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    /**
     * These customers after {@code position} in {@code order} (keyset): a range of the order's index, so a page
     * a million customers deep starts as fast as the first. Customers without an age come first by age ascending
     * and last descending, as MariaDB orders NULL.
     */
    CustomerJpql after(CustomerOrder order, CustomerPosition position) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        String condition = switch (order) {
            case NAME_ASCENDING -> "c.nameKey > :afterNameKey";
            case NAME_DESCENDING -> "c.nameKey < :afterNameKey";
            case AGE_ASCENDING -> position.age() == null ? "((c.age IS NULL AND c.id > :afterId) OR c.age IS NOT NULL)"
                    : "(c.age > :afterAge OR (c.age = :afterAge AND c.id > :afterId))";
            case AGE_DESCENDING -> position.age() == null ? "(c.age IS NULL AND c.id < :afterId)"
                    : "(c.age < :afterAge OR (c.age = :afterAge AND c.id < :afterId) OR c.age IS NULL)";
        };
        switch (order) {
            case NAME_ASCENDING, NAME_DESCENDING -> more.put("afterNameKey", position.nameKey());
            case AGE_ASCENDING, AGE_DESCENDING -> {
                more.put("afterId", position.id());
                if (position.age() != null) {
                    more.put("afterAge", position.age());
                }
            }
        }
        return new CustomerJpql((where.isEmpty() ? " WHERE " : where + " AND ") + condition, more);
    }

    /** The ids of the matching customers in the given order (index-only for an unfiltered listing). */
    String selectIds(CustomerOrder order) {
        return "SELECT c.id FROM Customer c" + where + " ORDER BY " + orderBy(order);
    }

    String count() {
        return "SELECT COUNT(c) FROM Customer c" + where;
    }

    static String orderBy(CustomerOrder order) {
        return switch (order) {
            case NAME_ASCENDING -> "c.nameKey ASC";
            case NAME_DESCENDING -> "c.nameKey DESC";
            case AGE_ASCENDING -> "c.age ASC, c.id ASC";
            case AGE_DESCENDING -> "c.age DESC, c.id DESC";
        };
    }

    /** The text with LIKE's wildcards and the escape character itself taken literally. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(ch);
        }
        return out.toString();
    }
}
