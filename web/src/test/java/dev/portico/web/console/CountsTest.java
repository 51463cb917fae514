package dev.portico.web.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountsTest {

    @Test
    void oneTakesTheSingularAndEveryOtherCountThePlural() {
        assertEquals("1 row", Counts.of(1, "row", "rows"));
        assertEquals("0 rows", Counts.of(0, "row", "rows"));
        assertEquals("2 rows", Counts.of(2, "row", "rows"));
        assertEquals("-1 rows", Counts.of(-1, "row", "rows"));
    }

    @Test
    void thousandsAreGroupedAsEverywhereOnTheConsole() {
        assertEquals("1,000,000 rows", Counts.of(1_000_000, "row", "rows"));
    }
}
