package dev.portico.domain.featherbase;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A row's values kept by column id, read and written in the order of the table's columns. */
class FbRowTest {

    private final FbColumn sku = column(11, "sku", 0);
    private final FbColumn name = column(12, "name", 1);
    private final FbColumn qty = column(13, "qty", 2);

    @Test
    void rowBuiltFromColumnsReadsItsValuesInColumnOrder() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        assertEquals(List.of("A1", "Bolt", "40"), row.values(List.of(sku, name, qty)));
    }

    @Test
    void valuesFollowTheOrderOfTheColumnsAskedFor() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        assertEquals(List.of("40", "A1", "Bolt"), row.values(List.of(qty, sku, name)));
    }

    @Test
    void singleValueIsReadByColumn() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        assertEquals("Bolt", row.value(name));
        assertEquals("40", row.value(qty));
    }

    @Test
    void columnAddedLaterReadsAsEmpty() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name), List.of("A1", "Bolt"));
        FbColumn colour = column(14, "colour", 2);

        assertEquals(List.of("A1", "Bolt", ""), row.values(List.of(sku, name, colour)));
        assertEquals("", row.value(colour));
    }

    @Test
    void setChangesOnlyThatCell() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        row.set(List.of(sku, name, qty), qty, "39");

        assertEquals(List.of("A1", "Bolt", "39"), row.values(List.of(sku, name, qty)));
    }

    @Test
    void setOnAColumnAddedLaterGivesItAValue() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name), List.of("A1", "Bolt"));
        FbColumn colour = column(14, "colour", 2);

        row.set(List.of(sku, name, colour), colour, "red");

        assertEquals(List.of("A1", "Bolt", "red"), row.values(List.of(sku, name, colour)));
    }

    @Test
    void setDropsTheValuesOfColumnsSinceDeletedSoTheRowHoldsOnlyWhatAReadSees() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "x".repeat(1_000), "40"));

        row.set(List.of(sku, qty), qty, "39");

        assertEquals(List.of("A1", "39"), row.values(List.of(sku, qty)));
        assertEquals("", row.value(name), "name's value went with the column");
        assertEquals(RowCells.encode(List.of(sku.id(), qty.id()), List.of("A1", "39")), row.cells());
    }

    @Test
    void replaceOverwritesEveryValue() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        row.replace(List.of(sku, name, qty), List.of("B2", "Nut", "7"));

        assertEquals(List.of("B2", "Nut", "7"), row.values(List.of(sku, name, qty)));
    }

    @Test
    void replaceDropsValuesOfColumnsNoLongerPresent() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        row.replace(List.of(sku, qty), List.of("B2", "7"));

        assertEquals(List.of("B2", "7"), row.values(List.of(sku, qty)));
        assertEquals("", row.value(name), "the value of the column left out is gone, not kept behind");
    }

    @Test
    void valueOfADeletedColumnIsNotReadBackWhenAColumnIsAddedAgain() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name), List.of("A1", "Bolt"));
        FbColumn nameAgain = column(15, "name", 1);

        assertEquals(List.of("A1", ""), row.values(List.of(sku, nameAgain)));
    }

    @Test
    void renamingOrMovingAColumnKeepsItsValue() {
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty), List.of("A1", "Bolt", "40"));

        name.rename("title");
        name.moveTo(0);

        assertEquals("Bolt", row.value(name));
    }

    @Test
    void valuesWithSeparatorsColonsDigitsAndEmojiSurvive() {
        List<String> values = List.of("", "1:2:x", "a\tb\u0001c\u0004", "😀");
        FbRow row = new FbRow(1L, 0, List.of(sku, name, qty, column(16, "e", 3)), values);

        assertEquals(values, row.values(List.of(sku, name, qty, column(16, "e", 3))));
    }

    @Test
    void rowOfATableWithoutColumnsHasNoValues() {
        FbRow row = new FbRow(1L, 0, List.of(), List.of());

        assertEquals(List.of(), row.values(List.of()));
    }

    /** A column as loaded from the database: its id is generated there, so the test sets it. */
    private static FbColumn column(long id, String name, int position) {
        FbColumn column = new FbColumn(1L, name, position);
        try {
            Field field = FbColumn.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(column, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("FbColumn has no settable id field", e);
        }
        return column;
    }
}
