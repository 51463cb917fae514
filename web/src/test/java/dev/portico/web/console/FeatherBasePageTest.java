package dev.portico.web.console;

import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the FeatherBase screens read the new-table form and word the protocol's refusals. */
class FeatherBasePageTest {

    @Test
    void columnNamesAreOnePerLineTrimmedWithBlankLinesSkipped() {
        assertEquals(List.of("sku", "unit price", "qty"), FeatherBasePage.columnNames(" sku\r\nunit price \n\n  \nqty\n"));
    }

    @Test
    void noColumnsGiveATableWithoutColumns() {
        assertEquals(List.of(), FeatherBasePage.columnNames(""));
    }

    @Test
    void everyRefusalIsExplainedWithItsStatusWord() {
        List<String> words = List.of("NOTFOUND", "EXISTS", "INVALID", "FAILURE");
        Reason[] reasons = Reason.values();
        assertEquals(words.size(), reasons.length);
        Arrays.stream(reasons).forEach(reason -> assertTrue(
                FeatherBaseMessages.meaning(reason).contains("(" + words.get(reason.ordinal()) + ")"), reason.name()));
    }
}
