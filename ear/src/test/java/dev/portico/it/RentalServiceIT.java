package dev.portico.it;

import dev.portico.application.RentalIntakeService;
import dev.portico.application.RentalReports;
import dev.portico.domain.rental.InvalidRentalException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rental intake and report services inside Liberty, on MariaDB. */
@ExtendWith(ArquillianExtension.class)
class RentalServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(Deployments.testWar().addClass(RentalServiceIT.class));
    }

    @Inject
    private RentalIntakeService intake;

    @Inject
    private RentalReports reports;

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM rental");
            s.executeUpdate("DELETE FROM renter");
        }
    }

    private long renters() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM renter")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void reportsAggregateEveryStoredRental() throws Exception {
        assertNull(reports.mileage().averageKm());
        assertNull(reports.averageDurationSeconds());
        intake.intake(payload(
                List.of("Ann", "F", "Axia", "10KM", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("Bob", "M", "Kancil", "20 km", "2024-03-01 09:00:00", "2024-03-01 09:30:00"),
                List.of("Ann", "f", "AXIA", "30", "2024-03-03 23:59:59", "2024-03-04 00:29:59")));
        assertEquals(Map.of("Axia", 2L, "Kancil", 1L), reports.rentalsPerCarModel());
        assertEquals(Map.of("F", 2L, "M", 1L), reports.rentalsPerGender());
        assertEquals(new RentalReports.MileageSummary(3, 60, 20.0), reports.mileage());
        assertEquals((7200 + 1800 + 1800) / 3.0, reports.averageDurationSeconds());
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        perDay.put(LocalDate.of(2024, 3, 1), 2L);
        perDay.put(LocalDate.of(2024, 3, 3), 1L);
        assertEquals(perDay, reports.rentalsPerDay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3)));
        assertEquals(Map.of(LocalDate.of(2024, 3, 3), 1L), reports.rentalsPerDay(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 31)));
        assertEquals(2L, renters(), "Ann is one renter");
    }

    @Test
    void aRequestWithOneBadRentalStoresNoneOfIt() throws Exception {
        InvalidRentalException refused = assertThrows(InvalidRentalException.class, () -> intake.intake(payload(
                List.of("Ann", "F", "Axia", "10KM", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("Bob", "M", "Kancil", "-5", "2024-03-01 09:00:00", "2024-03-01 09:30:00"))));
        assertEquals("CarStatus[1]: mileage must be a whole number of kilometres (e.g. 10, 10KM, 10 km), got '-5'", refused.getMessage());
        assertEquals(0L, reports.mileage().rentals());
        assertEquals(0L, renters());
    }

    /** A payload of rentals given as (name, gender, car, mileage, time in, time out). */
    private static Map<String, Object> payload(List<?>... rentals) {
        List<Object> users = new ArrayList<>();
        List<Object> cars = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        for (List<?> r : rentals) {
            users.add(List.of(r.get(0), r.get(1)));
            cars.add(List.of(r.get(2), r.get(3)));
            times.add(List.of(r.get(4), r.get(5)));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("users", users);
        payload.put("CarStatus", cars);
        payload.put("Time_Rent", times);
        return payload;
    }
}
