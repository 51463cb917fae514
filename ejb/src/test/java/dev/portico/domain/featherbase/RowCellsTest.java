package dev.portico.domain.featherbase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored form of a row's values: {@code <column id>:<length>:<value>} entries. */
class RowCellsTest {

    @Test
    void valuesOfEveryKindRoundTripInTheirOrder() {
        Map<Long, String> cells = new LinkedHashMap<>();
        cells.put(9L, "plain");
        cells.put(1L, "");
        cells.put(42L, "a:b::c:");
        cells.put(3L, "12:34:5");
        cells.put(7L, "\u0001\u0002\u0005\t\u0004\n\r");
        cells.put(5L, "emoji 😀 and 🎉 and ë");
        cells.put(Long.MAX_VALUE, "3:x");
        cells.put(0L, "0");

        Map<Long, String> decoded = RowCells.decode(RowCells.encode(cells));

        assertEquals(cells, decoded);
        assertEquals(new ArrayList<>(cells.keySet()), new ArrayList<>(decoded.keySet()), "the entries keep their order");
    }

    @Test
    void valueThatLooksLikeAFollowingEntryIsReadAsOneValue() {
        Map<Long, String> cells = new LinkedHashMap<>();
        cells.put(1L, "2:3:abc");
        cells.put(2L, "x");

        assertEquals(cells, RowCells.decode(RowCells.encode(cells)));
    }

    @Test
    void emptyMapEncodesToEmptyTextAndBack() {
        assertEquals("", RowCells.encode(Map.of()));
        assertTrue(RowCells.decode("").isEmpty());
    }

    @Test
    void entriesAreColumnIdLengthAndValueSeparatedByColons() {
        Map<Long, String> cells = new LinkedHashMap<>();
        cells.put(7L, "ab");
        cells.put(12L, "");
        assertEquals("7:2:ab12:0:", RowCells.encode(cells));
    }

    @Test
    void lengthCountsUtf16UnitsSoANonBmpCharacterCountsTwo() {
        assertEquals("1:2:😀", RowCells.encode(Map.of(1L, "😀")));
        assertEquals(Map.of(1L, "😀", 2L, "é"), RowCells.decode("1:2:😀2:1:é"));
    }

    @Test
    void decodedMapCanBeChanged() {
        Map<Long, String> decoded = RowCells.decode("1:1:a");
        decoded.put(2L, "b");
        assertEquals(List.of(1L, 2L), new ArrayList<>(decoded.keySet()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"garbage", "1", "1:", "1:1", "x:1:a", "1:x:a", ":1:a", "1:1:ab", "1:0:2:"})
    void corruptTextIsRejectedWithIllegalArgumentException(String corrupt) {
        assertThrows(IllegalArgumentException.class, () -> RowCells.decode(corrupt));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1:5:ab", "1:2:a", "1:1:a2:9:b", "1:-1:ab"})
    void textWhoseLengthRunsPastTheEndOrBackwardsIsRejectedRatherThanReadShort(String truncated) {
        // Today this is a StringIndexOutOfBoundsException, not the IllegalArgumentException of the other corruptions.
        assertThrows(RuntimeException.class, () -> RowCells.decode(truncated));
    }

    @Test
    void valuesComeInTheOrderOfTheColumnIdsAskedForAndAMissingOneReadsEmpty() {
        String text = RowCells.encode(List.of(5L, 3L), List.of("five", "three"));
        assertEquals(List.of("three", "", "five"), RowCells.values(text, List.of(3L, 4L, 5L)));
        assertEquals(List.of(), RowCells.values("", List.of()));
    }
}
