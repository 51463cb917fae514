package dev.portico.web.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NameFilterTest {

    private static final List<String> NAMES = List.of("shop", "Shipping", "archive", "workshop");

    @Test
    void nothingTypedLetsEveryEntryThrough() {
        NameFilter filter = new NameFilter(":form:table");
        assertSame(NAMES, filter.matching(NAMES, Function.identity()));
        filter.setText("   ");
        assertSame(NAMES, filter.matching(NAMES, Function.identity()));
        assertEquals("No databases yet.", filter.none("No databases yet."));
    }

    @Test
    void theEntriesWhoseNameContainsTheTextIgnoringCaseAreLeftInTheirOrder() {
        NameFilter filter = new NameFilter(":form:table");
        filter.setText(" SHOP ");
        assertEquals("SHOP", filter.getText());
        assertEquals(List.of("shop", "workshop"), filter.matching(NAMES, Function.identity()));
        filter.setText("hi");
        assertEquals(List.of("Shipping", "archive"), filter.matching(NAMES, Function.identity()));
        filter.setText("zzz");
        assertEquals(List.of(), filter.matching(NAMES, Function.identity()));
        assertEquals("No name contains \u201Czzz\u201D.", filter.none("No databases yet."));
    }

    @Test
    void theTextIsCutToTheLongestName() {
        NameFilter filter = new NameFilter(":form:table");
        filter.setText("x".repeat(10_000));
        assertEquals(255, filter.getText().length());
    }
}
