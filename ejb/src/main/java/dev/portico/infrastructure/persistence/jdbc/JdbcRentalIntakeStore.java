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
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Intake writes in plain JDBC on the caller's transaction, two batches whatever the number of rentals
 * (Connector/J sends a batch of INSERTs as one bulk command): the renters, each once and in one global
 * order (name, gender), so that concurrent writers lock renter rows in the same order; then the rentals,
 * each finding its renter's id by the unique key (name, gender) in the same statement, so no id travels
 * back to the application.
 */
@ApplicationScoped
public class JdbcRentalIntakeStore implements RentalIntakeStore {

    private static final String RENTER = "INSERT INTO renter (name, gender, name_key) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE id = id";
    private static final String RENTAL = "INSERT INTO rental (renter_id, car_model, gender, mileage_km, time_in, time_out)"
            + " VALUES ((SELECT r.id FROM renter r WHERE r.name = ? AND r.gender = ?), ?, ?, ?, ?, ?)";
    private static final Comparator<RentalDraft> RENTER_ORDER = Comparator.comparing(RentalDraft::renter).thenComparing(RentalDraft::gender);

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Override
    public void store(List<RentalDraft> rentals) {
        TreeSet<RentalDraft> renters = new TreeSet<>(RENTER_ORDER);
        renters.addAll(rentals);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(RENTER)) {
                for (RentalDraft renter : renters) {
                    insert.setString(1, renter.renter());
                    insert.setString(2, String.valueOf(renter.gender()));
                    insert.setString(3, Renter.keyOf(renter.renter()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(RENTAL)) {
                for (RentalDraft rental : rentals) {
                    insert.setString(1, rental.renter());
                    insert.setString(2, String.valueOf(rental.gender()));
                    insert.setString(3, rental.car().label());
                    insert.setString(4, String.valueOf(rental.gender()));
                    insert.setInt(5, rental.mileageKm());
                    insert.setObject(6, rental.timeIn());
                    insert.setObject(7, rental.timeOut());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("storing " + rentals.size() + " rentals failed: " + e.getMessage(), e);
        }
    }
}
