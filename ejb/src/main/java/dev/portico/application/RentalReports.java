package dev.portico.application;

import java.time.LocalDate;
import java.util.Map;

/** Reports over all stored rentals, aggregated by the database. */
public interface RentalReports {

    /** Kilometres driven: how many rentals, in total and on average (null without rentals). */
    record MileageSummary(long rentals, long totalKm, Double averageKm) { }

    Map<String, Long> rentalsPerCarModel();

    Map<String, Long> rentalsPerGender();

    MileageSummary mileage();

    /** Average time between taking a car out and bringing it back, in seconds; null without rentals. */
    Double averageDurationSeconds();

    /** Rentals taken out per day, {@code from} to {@code to} inclusive; days without rentals omitted. */
    Map<LocalDate, Long> rentalsPerDay(LocalDate from, LocalDate to);
}
