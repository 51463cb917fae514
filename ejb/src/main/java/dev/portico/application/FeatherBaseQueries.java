package dev.portico.application;

import dev.portico.domain.featherbase.FeatherBaseRefusal;

import java.io.Serializable;
import java.util.List;

/**
 * What an operator reads of FeatherBase, with no per-user grant limits: databases and tables with
 * their sizes, a table's columns, and rows by number. Every answer costs a few primary-key or
 * index lookups whatever the table's size; changes go through {@link FeatherBaseService}.
 */
public interface FeatherBaseQueries {

    /** Most rows {@link #rows} returns at once. */
    int MAX_ROWS = 1000;

    /** A database and how many tables it has. */
    record DatabaseSummary(String name, long tables) implements Serializable { }

    /** A table, how many columns and rows it has. */
    record TableSummary(String name, long columns, long rows) implements Serializable { }

    /** A table's columns in order and its row count (rows are numbered 0 to {@code rows - 1}). */
    record TableView(TableRef ref, List<String> columns, long rows) implements Serializable { }

    /** A row's number and its values in column order. */
    record RowView(long number, List<String> values) implements Serializable { }

    /** Every database, sorted by name; possibly none. */
    List<DatabaseSummary> databases();

    /** Whether a database of this name exists (one lookup by name). */
    boolean databaseExists(String database);

    /** The database's tables, sorted by name; {@code NOT_FOUND} when there is no such database. */
    List<TableSummary> tables(String database) throws FeatherBaseRefusal;

    /** {@code NOT_FOUND} when the database or the table is missing. */
    TableView table(TableRef table) throws FeatherBaseRefusal;

    /**
     * Rows {@code firstRow} to {@code firstRow + count - 1}, fewer at the table's end, in order,
     * read as one primary-key range; {@code INVALID} when {@code firstRow} is negative or
     * {@code count} is not 1 to {@link #MAX_ROWS}.
     */
    List<RowView> rows(TableRef table, long firstRow, int count) throws FeatherBaseRefusal;
}
