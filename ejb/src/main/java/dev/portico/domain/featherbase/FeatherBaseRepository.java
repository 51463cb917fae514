package dev.portico.domain.featherbase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored FeatherBase databases, tables, columns, rows, users and grants. */
public interface FeatherBaseRepository {

    Optional<FbDatabase> database(String name);

    /** The database, locked against concurrent changes until the transaction ends; absent when deleted meanwhile. */
    Optional<FbDatabase> databaseForUpdate(String name);

    List<FbDatabase> databases();

    /** Every database name in name order, read as names only (no entity per database). */
    List<String> databaseNames();

    /** How many databases are stored. */
    long databaseCount();

    /** How many tables the database holds. */
    long tableCount(FbDatabase database);

    /** How many users are stored. */
    long userCount();

    Optional<FbTable> table(FbDatabase database, String name);

    /** The table by database and table name, in one query; empty when either is missing. */
    Optional<FbTable> table(String database, String name);

    /** The table, locked against concurrent changes to it until the transaction ends. */
    Optional<FbTable> tableForUpdate(FbDatabase database, String name);

    List<FbTable> tables(FbDatabase database);

    /** The database's table names in name order, read as names only (no entity per table). */
    List<String> tableNames(FbDatabase database);

    /** The table's columns in order. */
    List<FbColumn> columns(FbTable table);

    /** The table's columns in order as last committed, locked until the transaction ends. */
    List<FbColumn> columnsForUpdate(FbTable table);

    Optional<FbRow> row(FbTable table, long row);

    /** Rows numbered {@code first} to {@code end - 1} that exist, in order, read as one primary-key range. */
    List<FbRow> rows(FbTable table, long first, long end);

    /** How many tables each database has, by database id (databases without tables are absent). */
    Map<Long, Long> tableCounts();

    /** How many columns each table of a database has, by table id (tables without columns are absent). */
    Map<Long, Long> columnCounts(FbDatabase database);

    /** The row, locked against concurrent changes until the transaction ends. */
    Optional<FbRow> rowForUpdate(FbTable table, long row);

    /** Stores a new entity now, so that a name taken meanwhile is an {@code EXISTS} refusal here. */
    void store(Object entity) throws FeatherBaseRefusal;

    /** Removes a database with everything in it. */
    void deleteDatabase(FbDatabase database);

    /** Removes a table with its columns and rows. */
    void deleteTable(FbTable table);

    void deleteColumn(FbColumn column);

    /** Writes pending changes now, so that a name taken meanwhile is an {@code EXISTS} refusal here. */
    void flush() throws FeatherBaseRefusal;

    Optional<FbUser> user(String name);

    /** The user, locked against concurrent changes until the transaction ends; absent when deleted meanwhile. */
    Optional<FbUser> userForUpdate(String name);

    /** Every user's name, in name order (at most {@code portico.featherbase.maxUsers} of them). */
    List<String> userNames();

    void deleteUser(FbUser user);

    /** The database names a user was granted ({@code *}: all). */
    List<String> grants(String user);

    /** Those of these users that exist, each with its granted database names (an empty list for none), by name. */
    Map<String, List<String>> usersWithGrants(Collection<String> names);

    /** Removes the grant; false when there was none. */
    boolean revoke(String user, String database);
}
