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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rental intake's writes in plain JDBC on the caller's transaction: one statement per renter (its id
 * comes back in the statement's reply, no SELECT LAST_INSERT_ID()) and one per rental, where JPA
 * needed two each and a unit-of-work commit.
 */
@ApplicationScoped
public class JdbcRentalIntakeStore implements RentalIntakeStore {

    private static final String RENTER = "INSERT INTO renter (name, gender, name_key) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)";
    private static final String RENTAL = "INSERT INTO rental (renter_id, car_model, gender, mileage_km, time_in, time_out) VALUES (?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Override
    public long renter(String name, char gender) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RENTER, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, String.valueOf(gender));
            insert.setString(3, Renter.keyOf(name));
            insert.executeUpdate();
            try (ResultSet id = insert.getGeneratedKeys()) {
                if (!id.next()) {
                    throw new SQLException("no renter id came back for " + name);
                }
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("storing a renter failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void store(long renterId, RentalDraft draft) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RENTAL)) {
            insert.setLong(1, renterId);
            insert.setString(2, draft.car().label());
            insert.setString(3, String.valueOf(draft.gender()));
            insert.setInt(4, draft.mileageKm());
            insert.setObject(5, draft.timeIn());
            insert.setObject(6, draft.timeOut());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("storing a rental failed: " + e.getMessage(), e);
        }
    }
}
