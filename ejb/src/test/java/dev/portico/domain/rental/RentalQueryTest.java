package dev.portico.domain.rental;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RentalQueryTest {

    private static final LocalDate DAY = LocalDate.of(2024, 2, 28);

    @Test
    void theRangeRunsFromTheFirstDaysStartToTheLastSecondOfTheLastDay() {
        RentalQuery query = RentalQuery.between(DAY, DAY.plusDays(1));
        assertEquals(LocalDateTime.of(2024, 2, 28, 0, 0), query.start());
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59), query.last(), "2024 is a leap year");
    }

    @Test
    void theWholeRangeTheStoreHoldsCanBeQueriedWithoutGoingPastIt() {
        RentalQuery query = RentalQuery.between(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31));
        assertEquals(LocalDateTime.of(1000, 1, 1, 0, 0), query.start());
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59), query.last());
    }

    @Test
    void daysOutsideWhatTheStoreHoldsAreRefusedSayingSo() {
        assertEquals("days must be from 1000-01-01 to 9999-12-31, got 2024-02-28 to +10000-01-01",
                assertThrows(IllegalArgumentException.class, () -> RentalQuery.between(DAY, LocalDate.of(10000, 1, 1))).getMessage());
        assertEquals("days must be from 1000-01-01 to 9999-12-31, got 0999-12-31 to 2024-02-28",
                assertThrows(IllegalArgumentException.class, () -> RentalQuery.between(LocalDate.of(999, 12, 31), DAY)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RentalQuery.between(LocalDate.MAX, LocalDate.MAX));
        assertThrows(IllegalArgumentException.class, () -> RentalQuery.between(LocalDate.of(0, 1, 1), DAY));
    }

    @Test
    void aBlankNameIsNoFilterAndANameIsComparedTrimmedAndLowerCased() {
        assertNull(new RentalQuery(DAY, DAY, null, null, "  ").renterPrefix());
        RentalQuery query = new RentalQuery(DAY, DAY, null, null, " ÅSA b ");
        assertEquals("ÅSA b", query.renterPrefix());
        assertEquals(List.of("åsa b"), query.renterKeyPrefixes());
    }

    @Test
    void impossibleQueriesAreRefusedSayingWhy() {
        assertEquals("the last day 2024-02-27 is before the first day 2024-02-28",
                assertThrows(IllegalArgumentException.class, () -> RentalQuery.between(DAY, DAY.minusDays(1))).getMessage());
        assertEquals("gender must be M or F, got 'm'",
                assertThrows(IllegalArgumentException.class, () -> new RentalQuery(DAY, DAY, null, 'm', null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RentalQuery(DAY, DAY, null, null, "x".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> new RentalQuery(null, DAY, null, null, null));
    }

    @Test
    void mileageBandsCoverEveryMileageWithoutGaps() {
        int next = 0;
        for (MileageBand band : MileageBand.values()) {
            assertEquals(next, band.minKm(), band.name());
            next = band.maxKm() == null ? -1 : band.maxKm() + 1;
        }
        assertEquals(-1, next, "the last band is open");
        assertEquals("50-99 km", MileageBand.UNDER_100.label());
        assertEquals("1000+ km", MileageBand.FROM_1000.label());
    }
}
