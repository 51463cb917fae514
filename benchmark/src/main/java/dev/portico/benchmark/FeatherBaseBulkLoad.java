package dev.portico.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a FeatherBase table straight through SQL (MariaDB's sequence engine), for measuring the
 * console and the protocol against a large table: {@code --rows 1000000} rows numbered from 0 in
 * database {@code --database} (created if missing), table {@code --table} (replaced), columns sku,
 * name and qty, each row's cells written in the stored {@code <column id>:<length>:<value>} form. With
 * {@code --shape loadgen} the columns are c1, c2 and c3 and row r holds a&lt;r&gt;, b&lt;r&gt;, c&lt;r&gt;, as
 * {@code ../shared/bench/loadgen.py} prefills and checks them, so that it can read a million rows with
 * {@code --no-setup --fb-prefill 1000000}.
 */
public final class FeatherBaseBulkLoad {

    private static final String USAGE = "usage: FeatherBaseBulkLoad [--jdbc jdbc:mariadb://127.0.0.1:3306/portico] [--user portico]"
            + " [--password (the run database's, from ~/.portico/mariadb/portico-db-credentials.xml)] [--database bulk] [--table million] [--rows 1000000] [--shape items|loadgen]";
    private static final int CHUNK = 100_000;
    private static final List<String> COLUMNS = List.of("sku", "name", "qty");
    private static final String ITEMS = "CONCAT('SKU-', seq) AS sku, CONCAT('Item ', seq) AS name, CAST(seq %% 1000 AS CHAR) AS qty";
    private static final List<String> LOADGEN_COLUMNS = List.of("c1", "c2", "c3");
    private static final String LOADGEN = "CONCAT('a', seq) AS sku, CONCAT('b', seq) AS name, CONCAT('c', seq) AS qty";

    private FeatherBaseBulkLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, USAGE);
        int rows = options.number("rows", 1_000_000);
        String database = options.text("database", "bulk");
        String table = options.text("table", "million");
        boolean loadgen = options.text("shape", "items").equals("loadgen");
        try (Connection c = DriverManager.getConnection(options.text("jdbc", "jdbc:mariadb://127.0.0.1:3306/portico"),
                options.text("user", "portico"), options.text("password", RunDatabase::password))) {
            long started = System.nanoTime();
            load(c, database, table, rows, loadgen ? LOADGEN_COLUMNS : COLUMNS, loadgen ? LOADGEN : ITEMS);
            System.out.printf(Locale.ROOT, "%s.%s now holds %,d rows (%.1f s)%n", database, table, rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Creates (or replaces) the table and fills it with {@code rows} rows; each chunk commits on its own. */
    static void load(Connection c, String database, String table, int rows, List<String> columns, String values) throws SQLException {
        long databaseId = insert(c, "INSERT INTO fb_database (name) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", database);
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM fb_table WHERE database_id = ? AND name = ?")) {
            drop.setLong(1, databaseId);
            drop.setString(2, table);
            drop.executeUpdate();
        }
        long tableId = insert(c, "INSERT INTO fb_table (database_id, name, row_count) VALUES (" + databaseId + ", ?, 0)", table);
        List<Long> columnIds = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            columnIds.add(insert(c, "INSERT INTO fb_column (table_id, name, position) VALUES (" + tableId + ", ?, " + i + ")", columns.get(i)));
        }
        // Values are ASCII, so CHAR_LENGTH is the UTF-16 length the row encoding counts.
        String cells = String.format(Locale.ROOT, "CONCAT('%d:', CHAR_LENGTH(sku), ':', sku, '%d:', CHAR_LENGTH(name), ':', name,"
                + " '%d:', CHAR_LENGTH(qty), ':', qty)", columnIds.get(0), columnIds.get(1), columnIds.get(2));
        try (Statement s = c.createStatement()) {
            for (int done = 0; done < rows; done += CHUNK) {
                int n = Math.min(CHUNK, rows - done);
                s.executeUpdate(String.format(Locale.ROOT, "INSERT INTO fb_row (table_id, row_no, cells) SELECT %d, seq, %s FROM"
                        + " (SELECT seq, " + values + " FROM seq_%d_to_%d) v", tableId, cells, done, done + n - 1));
                s.executeUpdate("UPDATE fb_table SET row_count = " + (done + n) + " WHERE id = " + tableId);
                System.out.printf(Locale.ROOT, "%,d rows added%n", done + n);
            }
        }
    }

    private static long insert(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
