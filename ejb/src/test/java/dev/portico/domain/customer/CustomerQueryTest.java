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
    void aPageContinuesAfterAPositionOfItsOrderOrSkipsAnOffsetNotBoth() {
        CustomerPosition ada = CustomerPosition.afterName("ada");
        CustomerPosition aged = CustomerPosition.afterAge(null, 3);
        assertEquals(ada, new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_DESCENDING, 0, 10, ada).after());
        assertEquals(aged, new CustomerQuery(CustomerFilter.NONE, CustomerOrder.AGE_ASCENDING, 0, 10, aged).after());
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 5, 10, ada));
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.AGE_DESCENDING, 0, 10, ada),
                "a name does not say where to continue by age");
        assertThrows(IllegalArgumentException.class, () -> new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 0, 10, aged));
        assertThrows(IllegalArgumentException.class, () -> CustomerPosition.afterAge(40, 0));
        CustomerPosition own = new CustomerPosition("ada", 40, 9);
        for (CustomerOrder order : CustomerOrder.values()) {
            assertTrue(own.serves(order), "a customer's own position serves every order: " + order);
        }
    }

    @Test
    void eachOrderReversedIsTheOtherDirectionOfTheSameIndex() {
        assertEquals(CustomerOrder.NAME_DESCENDING, CustomerOrder.NAME_ASCENDING.reversed());
        assertEquals(CustomerOrder.AGE_ASCENDING, CustomerOrder.AGE_DESCENDING.reversed());
        for (CustomerOrder order : CustomerOrder.values()) {
            assertEquals(order, order.reversed().reversed());
        }
    }

    @Test
    void absentPrefixesAreEmptyAndAnEmptyFilterLetsEveryoneThrough() {
        CustomerFilter filter = new CustomerFilter(null, null, null);
        assertEquals("", filter.namePrefix());
        assertEquals("", filter.phonePrefix());
        assertTrue(filter.isEmpty());
    }
}
