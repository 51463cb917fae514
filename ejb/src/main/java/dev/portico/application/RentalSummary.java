package dev.portico.application;

import dev.portico.domain.rental.MileageBand;
import dev.portico.domain.rental.RentalTotals;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * The reports over the rentals a query selects, each aggregated by the database: totals (count,
 * kilometres, average duration) overall and per car model, counts per gender, per day and per
 * mileage band. Keys without rentals are omitted.
 */
public record RentalSummary(RentalTotals overall, Map<String, RentalTotals> perCarModel, Map<String, Long> perGender,
                            Map<LocalDate, Long> perDay, Map<MileageBand, Long> perMileageBand) implements Serializable {
}
