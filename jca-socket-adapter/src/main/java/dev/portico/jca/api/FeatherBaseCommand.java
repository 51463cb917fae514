package dev.portico.jca.api;

import java.util.List;

/** The FeatherBase commands, decoded; names and values are UTF-8 text without the protocol's separators. */
public sealed interface FeatherBaseCommand {

    /** {@code createdb}. */
    record CreateDatabase(String database) implements FeatherBaseCommand { }

    /** {@code getdbs}. */
    record ListDatabases() implements FeatherBaseCommand { }

    /** {@code deldb}. */
    record DeleteDatabase(String database) implements FeatherBaseCommand { }

    /** {@code renamedb}. */
    record RenameDatabase(String database, String newName) implements FeatherBaseCommand { }

    /** {@code addtbl}: a table with columns in the given order. */
    record AddTable(String database, String table, List<String> columns) implements FeatherBaseCommand {
        public AddTable {
            columns = List.copyOf(columns);
        }
    }

    /** {@code gettbls}. */
    record ListTables(String database) implements FeatherBaseCommand { }

    /** {@code deltbl}. */
    record DeleteTable(String database, String table) implements FeatherBaseCommand { }

    /** {@code renametbl}. */
    record RenameTable(String database, String table, String newName) implements FeatherBaseCommand { }

    /** {@code addcol}. */
    record AddColumn(String database, String table, String column) implements FeatherBaseCommand { }

    /** {@code delcol}. */
    record DeleteColumn(String database, String table, String column) implements FeatherBaseCommand { }

    /** {@code renamecol}. */
    record RenameColumn(String database, String table, String column, String newName) implements FeatherBaseCommand { }

    /** {@code addrow}: values in column order. */
    record AddRow(String database, String table, List<String> values) implements FeatherBaseCommand {
        public AddRow {
            values = List.copyOf(values);
        }
    }

    /** {@code getrow}. */
    record GetRow(String database, String table, long row) implements FeatherBaseCommand { }

    /** {@code getcell}. */
    record GetCell(String database, String table, long row, String column) implements FeatherBaseCommand { }

    /** {@code owrow}: replaces a row's values. */
    record OverwriteRow(String database, String table, long row, List<String> values) implements FeatherBaseCommand {
        public OverwriteRow {
            values = List.copyOf(values);
        }
    }

    /** {@code owcell}. */
    record OverwriteCell(String database, String table, long row, String column, String value) implements FeatherBaseCommand { }

    /** {@code auth}. */
    record Authenticate(String user, String password) implements FeatherBaseCommand {
        @Override
        public String toString() {
            return "Authenticate[user=" + user + "]";
        }
    }
}
