package dev.portico.application;

import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FeatherBaseRefusal;

import java.util.List;

/**
 * FeatherBase's operations. {@code user} is the authenticated user, whose grants limit the
 * databases it may use, or {@code null} on a listener without authentication (no limits). Each
 * call is one transaction: it is all done and committed when the call returns, or none of it is.
 */
public interface FeatherBaseService {

    void createDatabase(String user, String database) throws FeatherBaseRefusal;

    /** The database names the user may use, sorted; {@code NOT_FOUND} when there is none. */
    List<String> listDatabases(String user) throws FeatherBaseRefusal;

    void deleteDatabase(String user, String database) throws FeatherBaseRefusal;

    void renameDatabase(String user, String database, String newName) throws FeatherBaseRefusal;

    void addTable(String user, String database, String table, List<String> columns) throws FeatherBaseRefusal;

    /** The table names, sorted; possibly none. */
    List<String> listTables(String user, String database) throws FeatherBaseRefusal;

    void deleteTable(String user, String database, String table) throws FeatherBaseRefusal;

    void renameTable(String user, String database, String table, String newName) throws FeatherBaseRefusal;

    void addColumn(String user, String database, String table, String column) throws FeatherBaseRefusal;

    void deleteColumn(String user, String database, String table, String column) throws FeatherBaseRefusal;

    void renameColumn(String user, String database, String table, String column, String newName) throws FeatherBaseRefusal;

    /** Appends a row; returns its number. */
    long addRow(String user, String database, String table, List<String> values) throws FeatherBaseRefusal;

    /** A row's values in column order. */
    List<String> getRow(String user, String database, String table, long row) throws FeatherBaseRefusal;

    String getCell(String user, String database, String table, long row, String column) throws FeatherBaseRefusal;

    /**
     * Several getrow ({@code column} null) and getcell reads, of any users, at once: each answered as
     * {@link #getRow} or {@link #getCell} would have, in the order given, sharing one query where it can.
     */
    List<ReadAnswer> read(List<FbRowStore.Read> reads);

    /** What one read answered: its values, or why there are none. */
    record ReadAnswer(List<String> values, FeatherBaseRefusal refusal) { }

    void overwriteRow(String user, String database, String table, long row, List<String> values) throws FeatherBaseRefusal;

    void overwriteCell(String user, String database, String table, long row, String column, String value) throws FeatherBaseRefusal;

    /**
     * Whether the user exists and the password is theirs. Failures slow down per client address
     * (when known), counted alike by every server on the database: beyond the free ones, an attempt made too
     * early fails without checking.
     */
    boolean authenticate(String user, String password, String clientAddress);
}
