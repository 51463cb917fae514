package dev.portico.domain.rental;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The times a rental can have: those the store holds (MariaDB DATETIME, whole seconds), from
 * {@value #FIRST_TEXT} to {@value #LAST_TEXT}. One home for the rule, shared by the intake and the reports.
 */
public final class RentalTimes {

    public static final String FIRST_TEXT = "1000-01-01 00:00:00";
    public static final String LAST_TEXT = "9999-12-31 23:59:59";
    public static final LocalDate FIRST_DAY = LocalDate.of(1000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** The last second of a day: a range's end, inclusive, since times are stored in whole seconds. */
    public static final LocalTime LAST_SECOND_OF_DAY = LocalTime.of(23, 59, 59);

    private RentalTimes() {
    }

    /** Whether the store can hold the time. */
    public static boolean storable(LocalDateTime time) {
        return !time.toLocalDate().isBefore(FIRST_DAY) && !time.toLocalDate().isAfter(LAST_DAY);
    }

    /** Whether the store can hold times on the day. */
    public static boolean storable(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
