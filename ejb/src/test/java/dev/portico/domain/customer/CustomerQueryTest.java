package dev.portico.domain.customer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing queries and filters refuse pages they could not serve in bounded memory. */
class CustomerQueryTest {

    @Test
    void aPageHoldsOneToAThousandRowsFromANonNegativeOffset() {
        assertEquals(1000, new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 0, 1000).limit());
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 0, 1001));
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, -1, 10));
    }

    @Test
    void absentPrefixesAreEmptyAndAnEmptyFilterLetsEveryoneThrough() {
        CustomerFilter filter = new CustomerFilter(null, null, null);
        assertEquals("", filter.namePrefix());
        assertEquals("", filter.phonePrefix());
        assertTrue(filter.isEmpty());
    }
}
