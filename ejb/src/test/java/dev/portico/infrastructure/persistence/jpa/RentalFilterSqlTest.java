package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.rental.RentalQuery;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RentalFilterSqlTest {

    @Test
    void aNamePrefixMatchesItsLikeCharactersLiterally() {
        assertEquals("ann%", RentalFilterSql.likePrefix("ann"));
        assertEquals("a!_b!%c!!%", RentalFilterSql.likePrefix("a_b%c!"));
    }

    @Test
    void aPageIsReadFromTheRentalsUnlessTheNamePrefixNarrowsItToFewRenters() {
        LocalDate day = LocalDate.of(2024, 1, 25);
        RentalQuery named = new RentalQuery(day, day, null, 'F', "Mi");
        assertEquals(" FROM rental rt STRAIGHT_JOIN renter rn ON rn.id = rt.renter_id WHERE rt.time_in >= ?1 AND rt.time_in <= ?2"
                + " AND rt.gender = ?3 AND (rn.name_key LIKE ?4 ESCAPE '!')", new RentalFilterSql(named, true, true).text());
        assertTrue(new RentalFilterSql(named, true, false).text().startsWith(" FROM rental rt JOIN renter rn"), "the optimizer chooses");
        assertTrue(new RentalFilterSql(named, false).text().startsWith(" FROM rental rt JOIN renter rn"), "reports: the optimizer chooses");
        RentalQuery sigma = new RentalQuery(day, day, null, null, "ΟΔΥΣΣΕΑΣ");
        assertTrue(new RentalFilterSql(sigma, true, true).text().endsWith("(rn.name_key LIKE ?3 ESCAPE '!' OR rn.name_key LIKE ?4 ESCAPE '!')"),
                "both lower-case forms of a final sigma");
        assertEquals(" FROM rental rt STRAIGHT_JOIN renter rn ON rn.id = rt.renter_id WHERE rt.time_in >= ?1 AND rt.time_in <= ?2",
                new RentalFilterSql(RentalQuery.between(day, day), true).text());
    }
}
