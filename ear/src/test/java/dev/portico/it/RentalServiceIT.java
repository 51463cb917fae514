package dev.portico.it;

import dev.portico.application.RentalIntakeService;
import dev.portico.application.RentalReports;
import dev.portico.application.RentalSearch;
import dev.portico.application.RentalSummary;
import dev.portico.domain.rental.SentValue;
import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.MileageBand;
import dev.portico.domain.rental.RentalPayload;
import dev.portico.domain.rental.RentalPeriod;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;
import dev.portico.domain.rental.RentalTotals;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    @Inject
    private RentalSearch search;

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
        assertEquals(perDay, reports.rentalsPerDay(RentalQuery.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3))));
        assertEquals(Map.of(LocalDate.of(2024, 3, 3), 1L), reports.rentalsPerDay(RentalQuery.between(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 31))));
        assertEquals(2L, renters(), "Ann is one renter");
    }

    @Test
    void anIntakeOfTheMostRentalsIsStoredWholeInItsOrderUnderItsRenters() throws Exception {
        @SuppressWarnings("unchecked")
        List<String>[] rentals = new List[RentalPayload.MAX_RENTALS];
        for (int i = 0; i < rentals.length; i++) {
            rentals[i] = List.of("N" + i % 700, "F", "Axia", String.valueOf(i), "2024-03-01 08:00:00", "2024-03-01 10:00:00");
        }
        assertEquals(RentalPayload.MAX_RENTALS, intake.intake(payload(rentals)));

        List<String> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rn.name, rt.mileage_km FROM rental rt JOIN renter rn ON rn.id = rt.renter_id ORDER BY rt.id")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + "|" + rs.getInt(2));
            }
        }
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < rentals.length; i++) {
            sent.add("N" + i % 700 + "|" + i);
        }
        assertEquals(sent, stored);
        assertEquals(700L, renters());
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

    @Test
    void aSummaryAggregatesOnlyTheRentalsItsQuerySelects() throws Exception {
        intake.intake(payload(
                List.of("Ann", "F", "Axia", "10KM", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("Bob", "M", "Kancil", "120", "2024-03-01 09:00:00", "2024-03-01 09:30:00"),
                List.of("Ann", "F", "Axia", "1000", "2024-03-02 23:59:59", "2024-03-03 00:59:59"),
                List.of("Anita", "F", "Corolla", "499", "2024-03-03 00:00:00", "2024-03-03 04:00:00"),
                List.of("Cy", "M", "Axia", "50", "2024-03-04 00:00:00", "2024-03-04 01:00:00")));
        LocalDate first = LocalDate.of(2024, 3, 1);
        LocalDate third = LocalDate.of(2024, 3, 3);

        RentalSummary all = reports.summary(RentalQuery.between(first, third));
        assertEquals(new RentalTotals(4, 1629, 1629 / 4.0, (7200 + 1800 + 3600 + 14400) / 4.0), all.overall());
        assertEquals(List.of("Axia", "Corolla", "Kancil"), List.copyOf(all.perCarModel().keySet()));
        assertEquals(new RentalTotals(2, 1010, 505.0, 5400.0), all.perCarModel().get("Axia"));
        assertEquals(Map.of("F", 3L, "M", 1L), all.perGender());
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        perDay.put(first, 2L);
        perDay.put(LocalDate.of(2024, 3, 2), 1L);
        perDay.put(third, 1L);
        assertEquals(RentalPeriod.DAY, all.period());
        assertEquals(perDay, all.perPeriod());
        Map<MileageBand, Long> bands = new EnumMap<>(MileageBand.class);
        bands.put(MileageBand.UNDER_50, 1L);
        bands.put(MileageBand.UNDER_200, 1L);
        bands.put(MileageBand.UNDER_500, 1L);
        bands.put(MileageBand.FROM_1000, 1L);
        assertEquals(bands, all.perMileageBand());

        RentalSummary womenInAxias = reports.summary(new RentalQuery(first, third, CarModel.AXIA, 'F', null));
        assertEquals(2, womenInAxias.overall().rentals());
        assertEquals(Map.of("F", 2L), womenInAxias.perGender());
        assertEquals(Set.of("Axia"), womenInAxias.perCarModel().keySet());

        assertEquals(3, reports.summary(new RentalQuery(first, third, null, null, "aN")).overall().rentals(), "Ann twice and Anita, ignoring case");
        assertEquals(2, reports.summary(new RentalQuery(first, third, null, null, " ANN ")).overall().rentals(), "Ann only");

        RentalSummary none = reports.summary(new RentalQuery(first, third, CarModel.KANCIL, 'F', null));
        assertEquals(new RentalTotals(0, 0, null, null), none.overall());
        assertTrue(none.perCarModel().isEmpty() && none.perGender().isEmpty() && none.perPeriod().isEmpty() && none.perMileageBand().isEmpty());
    }

    @Test
    void longRangesAreCountedPerMonthOrPerYearSoACountNeverHoldsMillionsOfDays() throws Exception {
        intake.intake(payload(
                List.of("Ann", "F", "Axia", "1", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("Bob", "M", "Axia", "2", "2024-03-31 23:59:59", "2024-04-01 01:00:00"),
                List.of("Cy", "M", "Axia", "3", "2024-12-31 12:00:00", "2025-01-01 12:00:00"),
                List.of("Di", "F", "Axia", "4", "9999-12-31 10:00:00", "9999-12-31 11:00:00")));
        LocalDate first = LocalDate.of(2024, 1, 1);

        RentalSummary twoYears = reports.summary(RentalQuery.between(first, LocalDate.of(2026, 1, 1)));
        assertEquals(RentalPeriod.MONTH, twoYears.period());
        assertEquals(Map.of(LocalDate.of(2024, 3, 1), 2L, LocalDate.of(2024, 12, 1), 1L), twoYears.perPeriod());

        RentalSummary everything = reports.summary(RentalQuery.between(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31)));
        assertEquals(RentalPeriod.YEAR, everything.period());
        assertEquals(Map.of(LocalDate.of(2024, 1, 1), 3L, LocalDate.of(9999, 1, 1), 1L), everything.perPeriod());

        assertEquals(Map.of(LocalDate.of(2024, 3, 1), 1L, LocalDate.of(2024, 3, 31), 1L, LocalDate.of(2024, 12, 31), 1L),
                reports.rentalsPerDay(RentalQuery.between(first, first.plusDays(RentalReports.MAX_PER_DAY_DAYS - 1))));
        EJBException tooLong = assertThrows(EJBException.class,
                () -> reports.rentalsPerDay(RentalQuery.between(first, first.plusDays(RentalReports.MAX_PER_DAY_DAYS))));
        assertTrue(tooLong.getCausedByException() instanceof IllegalArgumentException, String.valueOf(tooLong.getCausedByException()));
    }

    @Test
    void aRenterNamePrefixLowerCasesAsPythonDoes() throws Exception {
        intake.intake(payload(
                List.of("İpek", "F", "Axia", "1", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("ipek", "F", "Axia", "2", "2024-03-01 09:00:00", "2024-03-01 10:00:00"),
                List.of("ΟΔΟΣ", "M", "Kancil", "3", "2024-03-02 09:00:00", "2024-03-02 10:00:00"),
                List.of("Οδοσπορος", "M", "Kancil", "4", "2024-03-02 10:00:00", "2024-03-02 11:00:00")));
        RentalQuery march = RentalQuery.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertEquals(List.of("İpek"), renters(search.page(new RentalQuery(march.from(), march.to(), null, null, "İP"), false, 0, 10)));
        assertEquals(List.of("ipek"), renters(search.page(new RentalQuery(march.from(), march.to(), null, null, "IP"), false, 0, 10)));
        assertEquals(List.of("ΟΔΟΣ", "Οδοσπορος"), renters(search.page(new RentalQuery(march.from(), march.to(), null, null, "οδοΣ"), false, 0, 10)),
                "a prefix ending in capital sigma matches the final and the medial form");
    }

    @Test
    void pagesFollowTheTimeInOrderAndNameFiltersTakeLikeCharactersLiterally() throws Exception {
        intake.intake(payload(
                List.of("a_b", "F", "Axia", "1", "2024-03-01 08:00:00", "2024-03-01 10:00:00"),
                List.of("axb", "M", "Axia", "2", "2024-03-01 09:00:00", "2024-03-01 10:00:00"),
                List.of("a%c", "M", "Kancil", "3", "2024-03-02 09:00:00", "2024-03-02 10:00:00")));
        RentalQuery march = RentalQuery.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertEquals(List.of("a%c", "axb", "a_b"), renters(search.page(march, true, 0, 10)));
        assertEquals(List.of("axb", "a%c"), renters(search.page(march, false, 1, 5)));
        assertEquals(List.of("a_b"), renters(search.page(march, true, 2, 5, 3)), "the last page, read from the other end");
        assertEquals(List.of("axb", "a%c"), renters(search.page(march, false, 1, 5, 3)));
        assertEquals(List.of("a%c"), renters(search.page(march, false, 2, 1, 3)));
        assertEquals(List.of("a_b"), renters(search.page(new RentalQuery(march.from(), march.to(), null, null, "A_"), true, 0, 10)));
        assertEquals(List.of("a%c"), renters(search.page(new RentalQuery(march.from(), march.to(), null, null, "a%"), true, 0, 10)));
        RentalRecord first = search.page(march, false, 0, 1).get(0);
        assertEquals(new RentalRecord(first.id(), "a_b", "F", "Axia", 1, LocalDateTime.of(2024, 3, 1, 8, 0), LocalDateTime.of(2024, 3, 1, 10, 0)), first);
        assertEquals(LocalDate.of(2024, 3, 2), search.latestDay().orElseThrow());
        intake.intake(payload(List.of("later", "F", "Axia", "1", "9999-12-31 08:00:00", "9999-12-31 10:00:00")));
        assertEquals(LocalDate.of(2024, 3, 2), search.latestDay().orElseThrow(),
                "a rental dated in the future does not move the console's default range there (QA's dated 9999: the page opened on 9999)");
        Throwable tooLarge = assertThrows(EJBException.class, () -> search.page(march, true, 0, RentalSearch.MAX_PAGE + 1));
        while (tooLarge.getCause() != null) {
            tooLarge = tooLarge.getCause();
        }
        assertEquals("a page holds 1 to 1000 rentals, got 1001", tooLarge.getMessage());
    }

    @Test
    void keysetPagesWalkEveryRentalOnceAcrossEqualTimes() throws Exception {
        intake.intake(payload(List.of("Seed", "F", "Axia", "1", "2024-04-01 00:00:00", "2024-04-01 01:00:00")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 2,500 more rentals, seven at each minute, so that pages end between rentals of equal time in.
            s.executeUpdate("INSERT INTO rental (renter_id, gender, car_model, mileage_km, time_in, time_out)"
                    + " SELECT (SELECT MIN(id) FROM renter), 'F', ELT(1 + seq % 3, 'Corolla', 'Kancil', 'Axia'), seq,"
                    + " TIMESTAMP('2024-04-01') + INTERVAL seq DIV 7 MINUTE, TIMESTAMP('2024-04-01 12:00:00') FROM seq_1_to_2500");
        }
        RentalQuery april = RentalQuery.between(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30));
        Set<Long> seen = new HashSet<>();
        RentalRecord last = null;
        int pages = 0;
        List<RentalRecord> page;
        do {
            page = search.after(april, last, 1000);
            for (RentalRecord r : page) {
                assertTrue(seen.add(r.id()), "rental " + r.id() + " twice");
                assertTrue(last == null || r.timeIn().isAfter(last.timeIn()) || (r.timeIn().equals(last.timeIn()) && r.id() > last.id()), "order");
                last = r;
            }
            pages++;
        } while (page.size() == 1000);
        assertEquals(2501, seen.size());
        assertEquals(3, pages);
        assertEquals(834, search.after(new RentalQuery(april.from(), april.to(), CarModel.AXIA, null, null), null, 1000).size(), "Axia: seq % 3 = 2, and the seed");
    }

    private static List<String> renters(List<RentalRecord> records) {
        return records.stream().map(RentalRecord::renter).toList();
    }

    /** A payload of rentals given as (name, gender, car, mileage, time in, time out), all text. */
    @SafeVarargs
    private static SentValue payload(List<String>... rentals) {
        List<SentValue> users = new ArrayList<>();
        List<SentValue> cars = new ArrayList<>();
        List<SentValue> times = new ArrayList<>();
        for (List<String> r : rentals) {
            users.add(pair(r.get(0), r.get(1)));
            cars.add(pair(r.get(2), r.get(3)));
            times.add(pair(r.get(4), r.get(5)));
        }
        Map<SentValue, SentValue> payload = new LinkedHashMap<>();
        payload.put(new SentValue.Text("users"), new SentValue.Items(users));
        payload.put(new SentValue.Text("CarStatus"), new SentValue.Items(cars));
        payload.put(new SentValue.Text("Time_Rent"), new SentValue.Items(times));
        return new SentValue.Mapping(payload);
    }

    private static SentValue pair(String first, String second) {
        return new SentValue.Items(List.of(new SentValue.Text(first), new SentValue.Text(second)));
    }
}
