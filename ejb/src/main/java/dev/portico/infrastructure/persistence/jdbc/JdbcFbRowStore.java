package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * getrow, getcell and addrow in plain JDBC, one statement per step: the table is found by both names,
 * the grant checked and the row (or the table's lock) taken in one query, where JPA needed three.
 * Reads run outside a transaction (auto-commit). A read whose table was looked up before, at the
 * catalog version its row's query reads again ({@link FbCatalogCache}), reads just the row, gathered with
 * the concurrent reads of other connections into one query ({@link GatheredRowReads}); any other read asks
 * in full. Appends join the caller's transaction, a group of them on one table sharing its lock, a batch
 * of INSERTs and one row-count update.
 */
@ApplicationScoped
public class JdbcFbRowStore implements FbRowStore {

    private static final String TABLE_BY_NAMES = " WHERE t.database_id = (SELECT d.id FROM fb_database d WHERE d.name = ?) AND t.name = ?";
    private static final String GRANTED = " AND EXISTS (SELECT 1 FROM fb_grant g WHERE g.user_name = ? AND g.database_name IN (?, '*'))";
    private static final String COLUMN_IDS = "(SELECT GROUP_CONCAT(c.id, ',' ORDER BY c.position SEPARATOR '') FROM fb_column c WHERE c.table_id = t.id), "
            + "@@group_concat_max_len";
    private static final String VERSION = ", (SELECT v.version FROM fb_catalog v WHERE v.id = 1)";
    private static final String ROW = "SELECT r.cells, t.id, " + COLUMN_IDS + VERSION
            + " FROM fb_table t LEFT JOIN fb_row r ON r.table_id = t.id AND r.row_no = ?" + TABLE_BY_NAMES;
    private static final String CELL = "SELECT r.cells, (SELECT c.id FROM fb_column c WHERE c.table_id = t.id AND c.name = ?), t.id" + VERSION
            + " FROM fb_table t LEFT JOIN fb_row r ON r.table_id = t.id AND r.row_no = ?" + TABLE_BY_NAMES;
    private static final String LOCK = "SELECT t.id, t.row_count, " + COLUMN_IDS + " FROM fb_table t" + TABLE_BY_NAMES;
    private static final String COLUMNS = "SELECT id FROM fb_column WHERE table_id = ? ORDER BY position";
    private static final String INSERT = "INSERT INTO fb_row (table_id, row_no, cells) VALUES (?, ?, ?)";
    private static final String ADVANCE = "UPDATE fb_table SET row_count = ? WHERE id = ?";

    private static final String[] ROWS_SQL = rowsSql();
    /** Enough for every (user, table, column) a busy server reads; forgotten all at once beyond. */
    private static final int CATALOG_ENTRIES = 10_000;

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    private final FbCatalogCache catalog = new FbCatalogCache(CATALOG_ENTRIES);
    private final GatheredRowReads reads = new GatheredRowReads(this::readRows);

    @Override
    public Optional<Found> row(String user, String database, String table, long row) {
        return readAll(List.of(new Read(user, database, table, row, null))).get(0);
    }

    /** The row with its table looked up by name and the grant checked in the same query; the lookup is kept. */
    private Optional<Found> rowInFull(FbCatalogCache.Key key, long row) {
        String user = key.user();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(granted(ROW, user))) {
            query.setLong(1, row);
            names(query, 2, user, key.database(), key.table());
            try (ResultSet found = query.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
                String cells = found.getString(1);
                long tableId = found.getLong(2);
                List<Long> columnIds = joinedColumnIds(found, 3);
                if (columnIds != null) {
                    catalog.put(key, new FbCatalogCache.Entry(found.getLong(5), tableId, List.copyOf(columnIds)));
                } else { // read again on its own, so not at this statement's version: not kept
                    columnIds = columnsOf(connection, tableId);
                }
                return Optional.of(new Found(columnIds, cells));
            }
        } catch (SQLException e) {
            throw failed("getrow", e);
        }
    }

    @Override
    public Optional<Found> cell(String user, String database, String table, long row, String column) {
        return readAll(List.of(new Read(user, database, table, row, column))).get(0);
    }

    /** The cell with its table and column looked up by name and the grant checked in the same query; the lookup is kept. */
    private Optional<Found> cellInFull(FbCatalogCache.Key key, long row) {
        String user = key.user();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(granted(CELL, user))) {
            query.setString(1, key.column());
            query.setLong(2, row);
            names(query, 3, user, key.database(), key.table());
            try (ResultSet found = query.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
                long id = found.getLong(2);
                List<Long> columnIds = found.wasNull() ? List.of() : List.of(id);
                catalog.put(key, new FbCatalogCache.Entry(found.getLong(4), found.getLong(3), columnIds));
                return Optional.of(new Found(columnIds, found.getString(1)));
            }
        } catch (SQLException e) {
            throw failed("getcell", e);
        }
    }

    /**
     * The reads whose tables are known, through the catalog as last seen, gathered into one query per
     * {@link GatheredRowReads#MOST} (with other callers' reads) and kept when that query finds the catalog
     * at the version seen; any other, or one whose catalog changed since, asks in full, alone.
     */
    @Override
    public List<Optional<Found>> readAll(List<Read> wanted) {
        List<Optional<Found>> found = new ArrayList<>(Collections.nCopies(wanted.size(), null));
        List<FbCatalogCache.Key> keys = new ArrayList<>(wanted.size());
        List<Integer> known = new ArrayList<>();
        List<FbCatalogCache.Entry> entries = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Read r = wanted.get(i);
            keys.add(new FbCatalogCache.Key(r.user(), r.database(), r.table(), r.column()));
            FbCatalogCache.Entry entry = catalog.get(keys.get(i));
            if (entry != null) {
                known.add(i);
                entries.add(entry);
            }
        }
        for (int from = 0; from < known.size(); from += GatheredRowReads.MOST) {
            int to = Math.min(known.size(), from + GatheredRowReads.MOST);
            List<GatheredRowReads.Wanted> rows = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                rows.add(new GatheredRowReads.Wanted(entries.get(k).tableId(), wanted.get(known.get(k)).row()));
            }
            List<GatheredRowReads.Read> read = reads.readAll(rows);
            for (int k = from; k < to; k++) {
                FbCatalogCache.Entry entry = entries.get(k);
                GatheredRowReads.Read r = read.get(k - from);
                if (r.version() == entry.version()) {
                    found.set(known.get(k), Optional.of(new Found(entry.columnIds(), r.cells())));
                }
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (found.get(i) == null) {
                long row = wanted.get(i).row();
                found.set(i, keys.get(i).column() == null ? rowInFull(keys.get(i), row) : cellInFull(keys.get(i), row));
            }
        }
        return found;
    }

    /** The rows wanted and the catalog's version, in one statement (sizes rounded up to a power of two, so few distinct statements). */
    private GatheredRowReads.Batch readRows(List<GatheredRowReads.Wanted> wanted) {
        int size = Integer.highestOneBit(wanted.size() - 1) << 1;
        size = Math.max(1, size);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ROWS_SQL[Integer.numberOfTrailingZeros(size)])) {
            for (int i = 0; i < size; i++) {
                GatheredRowReads.Wanted w = wanted.get(Math.min(i, wanted.size() - 1));
                query.setLong(2 * i + 1, w.tableId());
                query.setLong(2 * i + 2, w.row());
            }
            Map<GatheredRowReads.Wanted, String> cells = new HashMap<>();
            long version = -1;
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    version = found.getLong(1);
                    long tableId = found.getLong(2);
                    if (!found.wasNull()) {
                        cells.put(new GatheredRowReads.Wanted(tableId, found.getLong(3)), found.getString(4));
                    }
                }
            }
            return new GatheredRowReads.Batch(version, cells);
        } catch (SQLException e) {
            throw failed("getrow", e);
        }
    }

    private static String[] rowsSql() {
        String[] sql = new String[Integer.numberOfTrailingZeros(GatheredRowReads.MOST) + 1];
        for (int i = 0; i < sql.length; i++) {
            sql[i] = "SELECT v.version, r.table_id, r.row_no, r.cells FROM fb_catalog v LEFT JOIN fb_row r ON (r.table_id, r.row_no) IN ("
                    + String.join(", ", Collections.nCopies(1 << i, "(?, ?)")) + ") WHERE v.id = 1";
        }
        return sql;
    }

    @Override
    public List<Appended> appendAll(List<Append> appends) {
        Appended[] outcomes = new Appended[appends.size()];
        Map<List<String>, List<Integer>> byTable = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i < appends.size(); i++) {
            Append a = appends.get(i);
            byTable.computeIfAbsent(Arrays.asList(a.database(), a.table(), a.user()), k -> new ArrayList<>()).add(i);
        }
        try (Connection connection = dataSource.getConnection()) {
            for (List<Integer> group : byTable.values()) {
                appendToOneTable(connection, appends, group, outcomes);
            }
        } catch (SQLException e) {
            throw failed("addrow", e);
        }
        return List.of(outcomes);
    }

    /** The appends {@code group} (one table, one user) under one lock of the table, one batch of INSERTs and one row-count update. */
    private static void appendToOneTable(Connection connection, List<Append> appends, List<Integer> group, Appended[] outcomes) throws SQLException {
        Append first = appends.get(group.get(0));
        long tableId;
        long rowNo;
        List<Long> columnIds;
        try (PreparedStatement lock = connection.prepareStatement(granted(LOCK, first.user()) + " FOR UPDATE")) {
            names(lock, 1, first.user(), first.database(), first.table());
            try (ResultSet found = lock.executeQuery()) {
                if (!found.next()) {
                    group.forEach(i -> outcomes[i] = Appended.MISSING);
                    return;
                }
                tableId = found.getLong(1);
                rowNo = found.getLong(2);
                columnIds = columnIds(connection, found, 3, tableId);
            }
        }
        long firstRow = rowNo;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i : group) {
                String cells;
                try {
                    cells = appends.get(i).cells().encode(columnIds);
                } catch (FeatherBaseRefusal refusal) {
                    outcomes[i] = Appended.refused(refusal);
                    continue;
                }
                insert.setLong(1, tableId);
                insert.setLong(2, rowNo);
                insert.setString(3, cells);
                insert.addBatch();
                outcomes[i] = Appended.stored(rowNo++);
            }
            if (rowNo > firstRow) {
                insert.executeBatch();
            }
        }
        if (rowNo > firstRow) {
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                advance.setLong(1, rowNo);
                advance.setLong(2, tableId);
                advance.executeUpdate();
            }
        }
    }

    private static String granted(String sql, String user) {
        return user == null ? sql : sql + GRANTED;
    }

    private static void names(PreparedStatement query, int first, String user, String database, String table) throws SQLException {
        query.setString(first, database);
        query.setString(first + 1, table);
        if (user != null) {
            query.setString(first + 2, user);
            query.setString(first + 3, database);
        }
    }

    /**
     * The column ids from the GROUP_CONCAT at {@code at} ("id," each, ASCII) and the session's
     * group_concat_max_len after it; a list that may have been cut at that length is read again on its own.
     */
    static List<Long> columnIds(Connection connection, ResultSet found, int at, long tableId) throws SQLException {
        List<Long> ids = joinedColumnIds(found, at);
        return ids != null ? ids : columnsOf(connection, tableId);
    }

    /** The column ids as the GROUP_CONCAT at {@code at} holds them, or {@code null} when the list may have been cut. */
    private static List<Long> joinedColumnIds(ResultSet found, int at) throws SQLException {
        String joined = found.getString(at);
        List<Long> ids = new ArrayList<>();
        if (joined == null) {
            return ids;
        }
        if (joined.length() >= found.getLong(at + 1)) {
            return null;
        }
        for (String id : joined.split(",")) {
            ids.add(Long.parseLong(id));
        }
        return ids;
    }

    private static List<Long> columnsOf(Connection connection, long tableId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement(COLUMNS)) {
            columns.setLong(1, tableId);
            try (ResultSet each = columns.executeQuery()) {
                while (each.next()) {
                    ids.add(each.getLong(1));
                }
            }
        }
        return ids;
    }

    private static PersistenceException failed(String command, SQLException e) {
        return new PersistenceException(command + " failed: " + e.getMessage(), e);
    }
}
