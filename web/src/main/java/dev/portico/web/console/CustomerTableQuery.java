package dev.portico.web.console;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The customers table's sort and filter settings as the directory's listing query understands them. */
final class CustomerTableQuery {

    static final String NAME = "name";
    static final String AGE = "age";
    static final String PHONE = "phone";

    private static final Pattern AGE_FILTER = Pattern.compile("0*[0-9]{1,3}"); // by value: leading zeros as written ("045") match

    private CustomerTableQuery() {
    }

    /** The order of the first active sort (by name or age; ascending by name when there is none). */
    static CustomerOrder order(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream().filter(SortMeta::isActive).sorted().findFirst().map(CustomerTableQuery::order)
                .orElse(CustomerOrder.NAME_ASCENDING);
    }

    private static CustomerOrder order(SortMeta sort) {
        boolean descending = sort.getOrder() == SortOrder.DESCENDING;
        if (AGE.equals(sort.getField())) {
            return descending ? CustomerOrder.AGE_DESCENDING : CustomerOrder.AGE_ASCENDING;
        }
        return descending ? CustomerOrder.NAME_DESCENDING : CustomerOrder.NAME_ASCENDING;
    }

    /**
     * The filter of the name (prefix), phone (prefix) and age (exact) columns; empty when the
     * filter can match no one (an age that is not a number of at most three digits).
     */
    static Optional<CustomerFilter> filter(Map<String, FilterMeta> filterBy) {
        String age = text(filterBy, AGE);
        if (!age.isEmpty() && !AGE_FILTER.matcher(age).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CustomerFilter(text(filterBy, NAME), text(filterBy, PHONE), age.isEmpty() ? null : Integer.valueOf(age)));
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        Object value = meta == null ? null : meta.getFilterValue();
        return value == null ? "" : CustomerFields.strip(value.toString());
    }
}
