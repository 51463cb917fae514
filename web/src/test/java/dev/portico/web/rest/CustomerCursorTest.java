package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerCursorTest {

    private static final CustomerPosition ANNA = new CustomerPosition("anna, of 3 {x} %41", 25, 12);
    private static final CustomerPosition ZOE = new CustomerPosition(" zoe\u0180 ", null, 7);

    @Test
    void aNameSortContinuesAfterTheNameKeyAndAnAgeSortAfterTheAgeAndTheId() {
        assertEquals("name:anna, of 3 {x} %41", CustomerCursor.of(ANNA, CustomerOrder.NAME_ASCENDING));
        assertEquals("name:anna, of 3 {x} %41", CustomerCursor.of(ANNA, CustomerOrder.NAME_DESCENDING));
        assertEquals("age:25,12", CustomerCursor.of(ANNA, CustomerOrder.AGE_ASCENDING));
        assertEquals("age:,7", CustomerCursor.of(ZOE, CustomerOrder.AGE_DESCENDING), "no age: empty before the comma");
    }

    @Test
    void whatALinkGivesIsReadBackExactlyAsTheKeyWasStored() {
        for (CustomerOrder order : CustomerOrder.values()) {
            for (CustomerPosition last : new CustomerPosition[] {ANNA, ZOE}) {
                CustomerPosition read = CustomerCursor.parse(CustomerCursor.of(last, order), order);
                assertEquals(CustomerCursor.of(last, order), CustomerCursor.of(read, order), order + " " + last);
                assertTrue(read.serves(order));
            }
        }
        assertEquals(CustomerPosition.afterName(" zoe\u0180 "), CustomerCursor.parse("name: zoe\u0180 ", CustomerOrder.NAME_ASCENDING),
                "neither stripped nor lower-cased again: a key stored by SQL is taken as it is");
        assertEquals(CustomerPosition.afterName("Ƀ"), CustomerCursor.parse("name:Ƀ", CustomerOrder.NAME_ASCENDING));
        assertEquals(CustomerPosition.afterAge(null, 7), CustomerCursor.parse("age:,7", CustomerOrder.AGE_ASCENDING));
        assertEquals(CustomerPosition.afterAge(120, 99), CustomerCursor.parse("age:120,99", CustomerOrder.AGE_DESCENDING));
    }

    @Test
    void theLongestKeysAreCursorsTooCountedInCodePoints() {
        String dotted = "i\u0307".repeat(384); // 768 code points: the lower-cased name of 384 capital dotted I
        assertEquals(CustomerPosition.afterName(dotted), CustomerCursor.parse("name:" + dotted, CustomerOrder.NAME_ASCENDING));
        String faces = "\uD83D\uDE00".repeat(768); // 768 code points, 1,536 chars
        assertEquals(CustomerPosition.afterName(faces), CustomerCursor.parse("name:" + faces, CustomerOrder.NAME_DESCENDING));
        assertThrows(IllegalArgumentException.class, () -> CustomerCursor.parse("name:" + "a".repeat(769), CustomerOrder.NAME_ASCENDING));
    }

    @Test
    void aCursorServesTheSortItWasGivenForAndAnythingElseIsRefusedSayingWhatACursorIs() {
        for (String bad : new String[] {"", "40,12", "age:40", "age:40,", "age:x,12", "age:1234,5", "age:40,0", "age:40,-3", "age:40,12,13",
                " age:40,12", "age:40,99999999999999999999", "name:ada"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CustomerCursor.parse(bad, CustomerOrder.AGE_ASCENDING),
                    bad);
            assertTrue(refused.getMessage().startsWith("after must be the value the next link of a page of the same sort gave (age: and"),
                    refused.getMessage());
        }
        for (String bad : new String[] {"", "name:", "ada", "age:40,12"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CustomerCursor.parse(bad, CustomerOrder.NAME_ASCENDING),
                    bad);
            assertTrue(refused.getMessage().contains("(name: and a name key"), refused.getMessage());
        }
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> CustomerCursor.parse("n".repeat(2000), CustomerOrder.NAME_ASCENDING));
        assertTrue(tooLong.getMessage().endsWith("got '" + "n".repeat(40) + "...'"), tooLong.getMessage());
    }
}
