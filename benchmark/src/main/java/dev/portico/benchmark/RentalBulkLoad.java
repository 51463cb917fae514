package dev.portico.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Fills the rental tables of a Portico database straight through SQL (MariaDB's sequence engine),
 * for measuring intake against a large table: {@code --rentals 1000000} adds that many rentals
 * spread over 10,000 renters; {@code --clear true} empties both tables first.
 */
public final class RentalBulkLoad {

    private static final String USAGE = "usage: RentalBulkLoad [--jdbc jdbc:mariadb://127.0.0.1:3306/portico] [--user portico]"
            + " [--password (the run database's, from ~/.portico/mariadb/portico-db-credentials.xml)] [--rentals 1000000] [--clear false]";
    private static final int CHUNK = 100_000;
    private static final int RENTERS = 10_000;

    private RentalBulkLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, USAGE);
        int rentals = options.number("rentals", 1_000_000);
        try (Connection c = DriverManager.getConnection(options.text("jdbc", "jdbc:mariadb://127.0.0.1:3306/portico"),
                options.text("user", "portico"), options.text("password", RunDatabase::password));
             Statement s = c.createStatement()) {
            if (Boolean.parseBoolean(options.text("clear", "false"))) {
                s.executeUpdate("DELETE FROM rental");
                s.executeUpdate("DELETE FROM renter");
                System.out.println("rental tables emptied");
            }
            long started = System.nanoTime();
            s.executeUpdate("INSERT IGNORE INTO renter (name, gender) SELECT CONCAT('Bulk renter ', seq), IF(seq % 2 = 0, 'M', 'F')"
                    + " FROM seq_0_to_" + (RENTERS - 1));
            long firstRenter;
            try (ResultSet rs = s.executeQuery("SELECT MIN(id) FROM renter WHERE name LIKE 'Bulk renter %'")) {
                rs.next();
                firstRenter = rs.getLong(1);
            }
            // Renter k (0-based) is male when k is even; rental seq goes to renter seq % RENTERS, an even number of renters.
            for (int done = 0; done < rentals; done += CHUNK) {
                int n = Math.min(CHUNK, rentals - done);
                s.executeUpdate(String.format(Locale.ROOT, "INSERT INTO rental (renter_id, gender, car_model, mileage_km, time_in, time_out)"
                        + " SELECT %d + seq %% %d, IF(seq %% 2 = 0, 'M', 'F'), ELT(1 + seq %% 3, 'Corolla', 'Kancil', 'Axia'), seq %% 800,"
                        + " TIMESTAMP('2020-01-01') + INTERVAL seq * 3 MINUTE, TIMESTAMP('2020-01-01') + INTERVAL (seq * 3 + 30 + seq %% 600) MINUTE"
                        + " FROM seq_%d_to_%d", firstRenter, RENTERS, done, done + n - 1));
                System.out.printf(Locale.ROOT, "%,d rentals added%n", done + n);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rental")) {
                rs.next();
                System.out.printf(Locale.ROOT, "rental table now holds %,d rows (%.1f s)%n", rs.getLong(1), (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
