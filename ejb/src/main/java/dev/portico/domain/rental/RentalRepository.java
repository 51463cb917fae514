package dev.portico.domain.rental;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Stored renters and rentals as the reports and listings read them, and the aggregates they need
 * (computed by the database); intake writes through {@link RentalIntakeStore}.
 */
public interface RentalRepository {

    /** Rentals per car model label. */
    Map<String, Long> countByCarModel();

    /** Rentals per renter gender. */
    Map<String, Long> countByGender();

    /** Number of rentals, total and average kilometres (average null without rentals). */
    MileageTotals mileage();

    /** Average rental duration in seconds, null without rentals. */
    Double averageDurationSeconds();

    /** The latest time in of any rental, null without rentals. */
    LocalDateTime latestTimeIn();

    /** The latest time in of any rental before {@code before}, null without such rentals. */
    LocalDateTime latestTimeInBefore(LocalDateTime before);

    /** Rentals the query selects, ordered by time in then id, newest or oldest first; {@code max} of them from position {@code first}. */
    List<RentalRecord> find(RentalQuery query, boolean newestFirst, int first, int max);

    /** Rentals the query selects that come after {@code after} in (time in, id) order, oldest first; from the first when {@code after} is null. */
    List<RentalRecord> findAfter(RentalQuery query, RentalRecord after, int max);

    /** Totals of the rentals the query selects, overall and per car model. */
    CarModelBreakdown totalsByCarModel(RentalQuery query);

    /** Rentals the query selects per renter gender. */
    Map<String, Long> countByGender(RentalQuery query);

    /** Rentals the query selects per period (its first day) of their time in, periods without rentals omitted. */
    Map<LocalDate, Long> countPer(RentalPeriod period, RentalQuery query);

    /** Rentals the query selects per mileage band, bands without rentals omitted. */
    Map<MileageBand, Long> countByMileageBand(RentalQuery query);
}
