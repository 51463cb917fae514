package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerCursorTest {

    private static final CustomerPosition ANNA = new CustomerPosition("anna, of 3 {x} %41", 25, 12);
    private static final CustomerPosition ZOE = new CustomerPosition("zoe", null, 7);

    @Test
    void theNameOrdersContinueAfterTheLowerCasedNameAndTheAgeOrdersAfterTheAgeAndTheId() {
        assertEquals("anna, of 3 {x} %41", CustomerCursor.of(ANNA, CustomerOrder.NAME_ASCENDING));
        assertEquals("anna, of 3 {x} %41", CustomerCursor.of(ANNA, CustomerOrder.NAME_DESCENDING));
        assertEquals("25,12", CustomerCursor.of(ANNA, CustomerOrder.AGE_ASCENDING));
        assertEquals(",7", CustomerCursor.of(ZOE, CustomerOrder.AGE_DESCENDING), "no age: empty before the comma");
    }

    @Test
    void whatALinkGivesIsReadBack() {
        for (CustomerOrder order : CustomerOrder.values()) {
            for (CustomerPosition last : new CustomerPosition[] {ANNA, ZOE}) {
                CustomerPosition read = CustomerCursor.parse(CustomerCursor.of(last, order), order);
                assertEquals(CustomerCursor.of(last, order), CustomerCursor.of(read, order), order + " " + last);
                assertTrue(read.serves(order));
            }
        }
        assertEquals(CustomerPosition.afterAge(null, 7), CustomerCursor.parse(",7", CustomerOrder.AGE_ASCENDING));
        assertEquals(CustomerPosition.afterAge(120, 99), CustomerCursor.parse("120,99", CustomerOrder.AGE_DESCENDING));
    }

    @Test
    void anyNameWillDoForTheNameOrdersLowerCasedAsNamesAre() {
        assertEquals(CustomerPosition.afterName("ada"), CustomerCursor.parse("Ada", CustomerOrder.NAME_ASCENDING));
        assertEquals(CustomerPosition.afterName("i\u0307zmir"), CustomerCursor.parse("İzmir", CustomerOrder.NAME_DESCENDING));
    }

    @Test
    void anythingElseIsRefusedSayingWhatACursorIs() {
        for (String bad : new String[] {"", "40", "40,", "x,12", "1234,5", "40,0", "40,-3", "40,12,13", " 40,12", "40,99999999999999999999"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CustomerCursor.parse(bad, CustomerOrder.AGE_ASCENDING),
                    bad);
            assertTrue(refused.getMessage().startsWith("after must be the value a next link gave when sorting by age"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CustomerCursor.parse("", CustomerOrder.NAME_ASCENDING));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> CustomerCursor.parse("n".repeat(513), CustomerOrder.NAME_ASCENDING));
        assertTrue(tooLong.getMessage().endsWith("got '" + "n".repeat(40) + "...'"), tooLong.getMessage());
    }
}
