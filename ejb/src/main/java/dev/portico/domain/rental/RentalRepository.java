package dev.portico.domain.rental;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Stored renters and rentals, and the aggregates the reports need (computed by the database). */
public interface RentalRepository {

    /** The renter with this name and gender, created if new (safe when other transactions do the same). */
    Renter renter(String name, char gender);

    void store(Rental rental);

    /** Rentals per car model label. */
    Map<String, Long> countByCarModel();

    /** Rentals per renter gender. */
    Map<String, Long> countByGender();

    /** Number of rentals, total and average kilometres (average null without rentals). */
    Object[] mileage();

    /** Average rental duration in seconds, null without rentals. */
    Double averageDurationSeconds();

    /** Rentals taken out on each day of [from, to), days without rentals omitted. */
    Map<LocalDate, Long> countPerDay(LocalDateTime from, LocalDateTime to);
}
