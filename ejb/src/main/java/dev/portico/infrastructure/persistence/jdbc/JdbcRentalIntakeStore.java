package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalIntakeStore;
import dev.portico.domain.rental.Renter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Intake writes in plain JDBC on the caller's transaction, in multi-row INSERTs whose row counts are
 * powers of two, so that few statement texts exist (the statement cache keeps them). First the renters,
 * each once, in one global order (name, gender) so that concurrent writers lock renter rows in the same
 * order, in one statement (padded by repeating the last renter, which the upsert then leaves as it is);
 * then the rentals in their order, one statement per power of two in their count (13 = 8 + 4 + 1), each
 * row finding its renter's id by the unique key (name, gender), so no id travels back to the application.
 */
@ApplicationScoped
public class JdbcRentalIntakeStore implements RentalIntakeStore {

    private static final String RENTERS = "INSERT INTO renter (name, gender, name_key) VALUES ";
    private static final String RENTER_ROW = "(?, ?, ?)";
    private static final String RENTERS_END = " ON DUPLICATE KEY UPDATE id = id";
    private static final String RENTALS = "INSERT INTO rental (renter_id, car_model, gender, mileage_km, time_in, time_out) VALUES ";
    private static final String RENTAL_ROW = "((SELECT r.id FROM renter r WHERE r.name = ? AND r.gender = ?), ?, ?, ?, ?, ?)";
    /** The most rentals one statement inserts. */
    static final int MAX_ROWS = 512;
    private static final Comparator<RentalDraft> RENTER_ORDER = Comparator.comparing(RentalDraft::renter).thenComparing(RentalDraft::gender);

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Override
    public void store(List<RentalDraft> rentals) {
        if (rentals.isEmpty()) {
            return;
        }
        TreeSet<RentalDraft> distinct = new TreeSet<>(RENTER_ORDER);
        distinct.addAll(rentals);
        List<RentalDraft> renters = new ArrayList<>(distinct);
        renters.addAll(Collections.nCopies(powerOfTwoAtLeast(renters.size()) - renters.size(), renters.get(renters.size() - 1)));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(RENTERS + rows(RENTER_ROW, renters.size()) + RENTERS_END)) {
                int p = 1;
                for (RentalDraft renter : renters) {
                    insert.setString(p++, renter.renter());
                    insert.setString(p++, String.valueOf(renter.gender()));
                    insert.setString(p++, Renter.keyOf(renter.renter()));
                }
                insert.executeUpdate();
            }
            int from = 0;
            for (int count : statementSizes(rentals.size())) {
                insertRentals(connection, rentals.subList(from, from + count));
                from += count;
            }
        } catch (SQLException e) {
            throw new PersistenceException("storing " + rentals.size() + " rentals failed: " + e.getMessage(), e);
        }
    }

    /** One INSERT of these rentals (a power of two of them), in their order. */
    private static void insertRentals(Connection connection, List<RentalDraft> rentals) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RENTALS + rows(RENTAL_ROW, rentals.size()))) {
            int p = 1;
            for (RentalDraft rental : rentals) {
                insert.setString(p++, rental.renter());
                insert.setString(p++, String.valueOf(rental.gender()));
                insert.setString(p++, rental.car().label());
                insert.setString(p++, String.valueOf(rental.gender()));
                insert.setInt(p++, rental.mileageKm());
                insert.setObject(p++, rental.timeIn());
                insert.setObject(p++, rental.timeOut());
            }
            insert.executeUpdate();
        }
    }

    /** The row counts of the INSERTs that store {@code rentals} rentals: powers of two up to {@link #MAX_ROWS}, largest first. */
    static List<Integer> statementSizes(int rentals) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = rentals; left > 0; left -= sizes.get(sizes.size() - 1)) {
            sizes.add(Math.min(MAX_ROWS, Integer.highestOneBit(left)));
        }
        return sizes;
    }

    /** The least power of two that is at least {@code n} (at least 1). */
    static int powerOfTwoAtLeast(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }
}
