package dev.portico.application;

import dev.portico.domain.rental.RentalQuery;

import java.time.LocalDate;
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

    /** Rentals the query selects, per day they were taken out; days without rentals omitted. */
    Map<LocalDate, Long> rentalsPerDay(RentalQuery query);

    /** Every report over the rentals the query selects, read in one transaction. */
    RentalSummary summary(RentalQuery query);
}
