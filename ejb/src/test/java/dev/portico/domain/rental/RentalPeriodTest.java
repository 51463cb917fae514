package dev.portico.domain.rental;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RentalPeriodTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void rangesUpTo731DaysArePerDayUpTo1200MonthsPerMonthAndLongerPerYear() {
        assertEquals(RentalPeriod.DAY, RentalPeriod.of(START, START));
        assertEquals(RentalPeriod.DAY, RentalPeriod.of(START, START.plusDays(730)));
        assertEquals(RentalPeriod.MONTH, RentalPeriod.of(START, START.plusDays(731)));
        assertEquals(RentalPeriod.MONTH, RentalPeriod.of(START, LocalDate.of(2123, 12, 31)), "1,200 months");
        assertEquals(RentalPeriod.YEAR, RentalPeriod.of(START, LocalDate.of(2124, 1, 1)));
        assertEquals(RentalPeriod.YEAR, RentalPeriod.of(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31)));
    }

    @Test
    void periodsStartOnTheirFirstDayAndAreWrittenAsLongAsThey() {
        LocalDate day = LocalDate.of(2024, 3, 17);
        assertEquals(day, RentalPeriod.DAY.start(day));
        assertEquals(LocalDate.of(2024, 3, 1), RentalPeriod.MONTH.start(day));
        assertEquals(LocalDate.of(2024, 1, 1), RentalPeriod.YEAR.start(day));
        assertEquals(LocalDate.of(2024, 3, 18), RentalPeriod.DAY.next(day));
        assertEquals(LocalDate.of(2024, 4, 1), RentalPeriod.MONTH.next(LocalDate.of(2024, 3, 1)));
        assertEquals(LocalDate.of(2025, 1, 1), RentalPeriod.YEAR.next(LocalDate.of(2024, 1, 1)));
        assertEquals("2024-03-17", RentalPeriod.DAY.label(day));
        assertEquals("2024-03", RentalPeriod.MONTH.label(LocalDate.of(2024, 3, 1)));
        assertEquals("1000", RentalPeriod.YEAR.label(LocalDate.of(1000, 1, 1)));
        assertEquals("month", RentalPeriod.MONTH.word());
    }
}
