package dev.portico.web.console;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customers table's column sorts and filters become the directory's listing order and filter. */
class CustomerTableQueryTest {

    @Test
    void withoutASortTheTableIsInNameOrder() {
        assertEquals(CustomerOrder.NAME_ASCENDING, CustomerTableQuery.order(Map.of()));
    }

    @Test
    void ageAndNameColumnsSortBothWays() {
        assertEquals(CustomerOrder.AGE_DESCENDING, CustomerTableQuery.order(Map.of("age", sort("age", SortOrder.DESCENDING))));
        assertEquals(CustomerOrder.AGE_ASCENDING, CustomerTableQuery.order(Map.of("age", sort("age", SortOrder.ASCENDING))));
        assertEquals(CustomerOrder.NAME_DESCENDING, CustomerTableQuery.order(Map.of("name", sort("name", SortOrder.DESCENDING))));
        assertEquals(CustomerOrder.NAME_ASCENDING, CustomerTableQuery.order(Map.of("name", sort("name", SortOrder.UNSORTED))));
    }

    @Test
    void filtersAreTrimmedPrefixesAndAnExactAge() {
        assertEquals(Optional.of(new CustomerFilter("Jo", "514", 42)),
                CustomerTableQuery.filter(Map.of("name", filter("name", " Jo "), "phone", filter("phone", "514"), "age", filter("age", "042"))));
        assertEquals(Optional.of(CustomerFilter.NONE), CustomerTableQuery.filter(Map.of("age", filter("age", "  "))));
    }

    @Test
    void anAgeThatIsNotANumberMatchesNoOne() {
        assertEquals(Optional.empty(), CustomerTableQuery.filter(Map.of("age", filter("age", "forty"))));
        assertEquals(Optional.empty(), CustomerTableQuery.filter(Map.of("age", filter("age", "1000"))));
        assertEquals(Optional.of(120), CustomerTableQuery.filter(Map.of("age", filter("age", "0120"))).map(CustomerFilter::age),
                "an age as written with leading zeros is its value");
    }

    private static SortMeta sort(String field, SortOrder order) {
        return SortMeta.builder().field(field).order(order).build();
    }

    private static FilterMeta filter(String field, String value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }
}
