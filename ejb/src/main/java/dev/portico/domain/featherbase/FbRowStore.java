package dev.portico.domain.featherbase;

import java.util.List;
import java.util.Optional;

/**
 * The storage of FeatherBase's busiest commands (getrow, getcell, addrow), each done in one statement
 * per step: the database and table lookup, the user's grant and the row travel in one query. Every
 * method finds nothing (empty, or {@code missing}) alike when the database or table is missing or when {@code user} (not
 * null) has no grant for the database; the caller tells those apart on that rare path.
 */
public interface FbRowStore {

    /** The table's column ids in order and the row's stored cells ({@code null}: no such row). */
    Optional<Found> row(String user, String database, String table, long row);

    /** The same for one column: {@code columnIds} holds its id, or nothing when the table has no such column. */
    Optional<Found> cell(String user, String database, String table, long row, String column);

    /**
     * Several reads at once, each answered as {@link #row} (no column) or {@link #cell} would answer it,
     * in the order given; reads of tables looked up before share one query.
     */
    List<Optional<Found>> readAll(List<Read> reads);

    /**
     * Appends rows, each under its table's lock, held until the transaction ends; a group of appends
     * shares the lock, the row-count update and the commit of each table. Tables are locked in
     * (database, table) name order, so that groups never deadlock one another. Returns the outcome of
     * each append, in the order given.
     */
    List<Appended> appendAll(List<Append> appends);

    /** One getrow ({@code column} null) or getcell. */
    record Read(String user, String database, String table, long row, String column) { }

    /** One addrow: {@code cells} turns the table's column ids into the row's stored cells, or refuses (nothing stored). */
    record Append(String user, String database, String table, CellsForColumns cells) { }

    /** What became of one append: its row number, or its table missing (or not granted), or its values refused. */
    record Appended(long row, boolean missing, FeatherBaseRefusal refusal) {

        public static final Appended MISSING = new Appended(-1, true, null);

        public static Appended stored(long row) {
            return new Appended(row, false, null);
        }

        public static Appended refused(FeatherBaseRefusal refusal) {
            return new Appended(-1, false, refusal);
        }
    }

    /** What one read found: the column ids it asked for, in order, and the row's cells or {@code null}. */
    record Found(List<Long> columnIds, String cells) {

        public boolean rowExists() {
            return cells != null;
        }

        /** The row's values in the order of {@code columnIds}; a column without a value reads as "". */
        public List<String> values() {
            return RowCells.values(cells, columnIds);
        }
    }

    /** The stored cells of a new row, given the table's column ids in order. */
    @FunctionalInterface
    interface CellsForColumns {
        String encode(List<Long> columnIds) throws FeatherBaseRefusal;
    }
}
