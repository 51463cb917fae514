package dev.portico.infrastructure.schema;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.rental.Renter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Recomputes the name keys that migration V8 listed in {@code name_key_pending}: until V8 MariaDB
 * computed them with its {@code LOWER()}, which differs from Python's {@code str.lower()} (now
 * computed in Java) only outside ASCII, so V8 listed the rows whose name is not ASCII. Each statement
 * commits by itself (auto-commit): a row whose key changed but is still listed is simply recomputed
 * again at the next start. Once done the list is empty and a start costs one query. A customer whose
 * new key is already another customer's (two names the old rule told apart and Python's does not)
 * keeps its old key and is named in a warning, for the operator to rename or delete.
 */
final class NameKeyRefresh {

    private static final Logger LOG = Logger.getLogger(NameKeyRefresh.class.getName());
    private static final int BATCH = 1000;

    private NameKeyRefresh() {
    }

    /** Recomputes every listed key; returns how many changed. */
    static int run(DataSource dataSource) throws SQLException {
        return refresh(dataSource, "customer", Customer::keyOf) + refresh(dataSource, "renter", Renter::keyOf);
    }

    private static int refresh(DataSource dataSource, String table, UnaryOperator<String> keyOf) throws SQLException {
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            changed = refreshBatches(c, table, keyOf);
        }
        if (changed > 0) {
            int count = changed;
            LOG.info(() -> "Name keys recomputed as Python's str.lower() computes them: " + count + " in " + table);
        }
        return changed;
    }

    private static int refreshBatches(Connection c, String table, UnaryOperator<String> keyOf) throws SQLException {
        int changed = 0;
        while (true) {
            List<Object[]> rows = pending(c, table);
            if (rows.isEmpty()) {
                return changed;
            }
            for (Object[] row : rows) {
                long id = (Long) row[0];
                String name = (String) row[1];
                if (name != null && !keyOf.apply(name).equals(row[2]) && rekey(c, table, id, name, keyOf.apply(name))) {
                    changed++;
                }
                try (PreparedStatement done = c.prepareStatement("DELETE FROM name_key_pending WHERE table_name = ? AND row_id = ?")) {
                    done.setString(1, table);
                    done.setLong(2, id);
                    done.executeUpdate();
                }
            }
        }
    }

    /** A batch of listed rows: id, name and current key (name {@code null} for a row deleted meanwhile). */
    private static List<Object[]> pending(Connection c, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        // table is one of two constants, never input.
        try (PreparedStatement s = c.prepareStatement("SELECT p.row_id, t.name, t.name_key FROM name_key_pending p LEFT JOIN " + table
                + " t ON t.id = p.row_id WHERE p.table_name = ? ORDER BY p.row_id LIMIT " + BATCH)) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3)});
                }
            }
        }
        return rows;
    }

    private static boolean rekey(Connection c, String table, long id, String name, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET name_key = ? WHERE id = ?")) {
            s.setString(1, key);
            s.setLong(2, id);
            s.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            LOG.warning(() -> "Customer '" + name + "' (id " + id + ") keeps its old name key: under Python's str.lower() its name is"
                    + " another customer's (" + key + "); rename or delete one of them");
            return false;
        }
    }
}
