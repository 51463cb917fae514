package dev.portico.application;

import dev.portico.domain.rental.RentalQuery;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Reports over stored rentals (all of them, or those a query selects), aggregated by the database. */
public interface RentalReports {

    /** Kilometres driven: how many rentals, in total and on average (null without rentals). */
    record MileageSummary(long rentals, long totalKm, Double averageKm) { }

    Map<String, Long> rentalsPerCarModel();

    Map<String, Long> rentalsPerGender();

    MileageSummary mileage();

    /** Average time between taking a car out and bringing it back, in seconds; null without rentals. */
    Double averageDurationSeconds();

    /** The longest range {@link #rentalsPerDay} counts: ten years. */
    int MAX_PER_DAY_DAYS = 3_660;

    /**
     * Rentals the query selects, per day they were taken out; days without rentals omitted. At most
     * {@link #MAX_PER_DAY_DAYS} days: a longer range is refused (IllegalArgumentException).
     */
    Map<LocalDate, Long> rentalsPerDay(RentalQuery query);

    /** Refuses (IllegalArgumentException) a query over more days than {@link #rentalsPerDay} counts. */
    static RentalQuery perDayRange(RentalQuery query) {
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_PER_DAY_DAYS) {
            throw new IllegalArgumentException("per-day counts cover at most " + MAX_PER_DAY_DAYS + " days; ask for a shorter range");
        }
        return query;
    }

    /** Every report over the rentals the query selects, read in one transaction. */
    RentalSummary summary(RentalQuery query);
}
