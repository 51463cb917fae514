package dev.portico.web.console;

import dev.portico.application.ImportReport;
import dev.portico.application.ImportReport.SkippedLine;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sentence the customers screen shows after an import. */
class CustomerImportSummaryTest {

    @Test
    void countsTakeTheirNounsAndThousandsAreGrouped() {
        assertEquals("Imported 1 customer, skipped 0 lines.", CustomerImportForm.summary(new ImportReport(1, 0, List.of())));
        assertEquals("Imported 2,498 customers, skipped 1 line.",
                CustomerImportForm.summary(new ImportReport(2498, 1, List.of(new SkippedLine(3, "|30||", "null key field")))));
    }

    @Test
    void aCutListSaysHowManyOfTheSkippedLinesItShows() {
        assertEquals("Imported 0 customers, skipped 1,500 lines (the first 1,000 are listed).",
                CustomerImportForm.summary(new ImportReport(0, 1_500, Collections.nCopies(1_000, new SkippedLine(2, "x", "too few fields")))));
    }
}
