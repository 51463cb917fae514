package dev.portico.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the tests' own MariaDB database: resets state and checks what was really stored. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(ItEnvironment.jdbcUrl(), ItEnvironment.dbUser(), ItEnvironment.dbPassword());
    }

    /** Empties the customer directory. */
    static void clearCustomers() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM customer");
        }
    }

    /** Empties FeatherBase: databases (with their tables, columns and rows) and users (with their grants). */
    static void clearFeatherBase() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM fb_database");
            s.executeUpdate("DELETE FROM fb_user");
        }
    }

    /**
     * FeatherBase users straight into the tables (their password hash unusable: no one signs in as them), named by
     * {@code nameFormat} with 0 to {@code count - 1}, and {@code grants} databases ({@code db} and a number) granted to
     * {@code granted}, one of them.
     */
    static void addFeatherBaseUsers(String nameFormat, int count, String granted, int grants) throws SQLException {
        try (Connection c = connect();
             PreparedStatement user = c.prepareStatement("INSERT INTO fb_user (name, password_hash) VALUES (?, 'not a hash')");
             PreparedStatement grant = c.prepareStatement("INSERT INTO fb_grant (user_name, database_name) VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                user.setString(1, String.format(nameFormat, i));
                user.addBatch();
            }
            user.executeBatch();
            for (int i = 0; i < grants; i++) {
                grant.setString(1, granted);
                grant.setString(2, String.format(grants > 100 ? "db%04d" : "db%02d", i));
                grant.addBatch();
            }
            grant.executeBatch();
        }
    }

    /** Empties the rental intake: rentals and renters. */
    static void clearRentals() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM rental");
            s.executeUpdate("DELETE FROM renter");
        }
    }

    /** The rows of a query, each row's columns joined by {@code |}. */
    static List<String> rows(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    static int count(String table) throws SQLException {
        return Integer.parseInt(rows("SELECT COUNT(*) FROM " + table).get(0));
    }

    static int countCustomers() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Stored names matching, case-insensitively, the given name. */
    static List<String> storedNames(String name) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT name FROM customer WHERE name_key = LOWER(?)")) {
            s.setString(1, name);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }
}
